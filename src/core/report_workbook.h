// The report workbook (SPEC §6) and its companions: the HR导入 CSV and one
// report card per person. Every file is written to a temporary name and
// renamed when complete, so no half-written file is ever left under the
// target name.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/cycle.h"
#include "core/progress.h"
#include "core/report_template.h"
#include "core/scoring.h"

namespace exemplar {

struct ReportData {
    const Cycle* cycle = nullptr;
    const ScoringInput* input = nullptr;
    const CycleResults* results = nullptr;
    std::size_t assignments = 0;            // counts for 说明
    std::size_t submitted_assignments = 0;
    std::size_t answers = 0;                // answered items of submitted and draft assignments
    std::string generated_at;               // local time text
};

// The workbook: 说明, 汇总, 部门汇总, 民主测评, 自评差异, 信度分析, HR导入.
void write_report(const std::filesystem::path& path, const ReportData& data, const ReportTemplate& report_template,
                  ProgressObserver* progress = nullptr);

// HR导入 as CSV: UTF-8 with BOM, the template's codes in row 1.
void write_hr_csv(const std::filesystem::path& path, const ReportData& data, const ReportTemplate& report_template);

// The file name of a person's report card: "工号-姓名.xlsx", with / \ : * ? " < > |
// and control characters replaced by "_" and the name shortened to stay
// within file-system limits.
std::string report_card_file_name(std::string_view person_id, std::string_view name);

// One workbook per person in `folder`, named 工号-姓名.xlsx. `self_comments`
// holds, per member, the comment answers of their own self-review (id → text).
// Returns how many cards were written.
std::size_t write_report_cards(const std::filesystem::path& folder, const ReportData& data,
                               const std::vector<std::map<std::string, std::string>>& self_comments,
                               ProgressObserver* progress = nullptr);

}  // namespace exemplar
