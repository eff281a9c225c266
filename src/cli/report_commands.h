// `exemplar report NAME --out FILE.xlsx [--template FILE] [--hr-csv FILE] [--cards DIR]`
// and `exemplar questionnaires NAME --out DIR [--rater ID]`.
#pragma once

#include <string>

namespace exemplar::cli {

struct ReportRequest {
    std::string cycle;
    std::string out;        // the workbook; may be empty when another output is asked for
    std::string template_file;
    std::string hr_csv;
    std::string cards;      // folder for report cards
};

int report(const std::string& database, const ReportRequest& request);
int questionnaires(const std::string& database, const std::string& cycle, const std::string& folder, const std::string& rater);

}  // namespace exemplar::cli
