#include "core/report_workbook.h"

#include <future>

#include "core/atomic_file.h"
#include "core/csv_writer.h"
#include "core/error.h"
#include "core/report_sheets.h"
#include "core/results_table.h"
#include "core/translate.h"
#include "core/xlsx_writer.h"

namespace exemplar {

namespace {

void check_data(const ReportData& data) {
    if (data.cycle == nullptr || data.input == nullptr || data.results == nullptr)
        throw Error("report: the cycle, its scoring input and its results are all needed");
}

// Refuses a template that does not fit the cycle, before any file is made.
void check_template(const ReportTemplate& report_template, const CycleResults& results) {
    auto problems = check_report_template(report_template, results.dimensions);
    if (!problems.empty()) throw InputRefused(std::move(problems));
}

}  // namespace

void write_report(const std::filesystem::path& path, const ReportData& data, const ReportTemplate& report_template,
                  ProgressObserver* progress) {
    check_data(data);
    check_template(report_template, *data.results);
    const std::string step = tr({"写入报表", "writing the report"});
    // Reliability reads the scoring input only: it runs while the first sheets are written.
    std::shared_future<std::vector<FormReliability>> reliability =
        std::async(std::launch::async, [input = data.input] { return compute_reliability(*input); }).share();
    const ResultsTable table = hr_import_table(*data.input, *data.results);
    const report::Context context{data, report_template, table,
                                  report_title(report_template, data.cycle->unit_name, data.cycle->name), reliability};
    using Writer = void (*)(xlsx::Workbook&, const report::Context&);
    constexpr Writer sheets[] = {report::write_notes,  report::write_summary, report::write_departments,
                                 report::write_votes,  report::write_gaps,    report::write_reliability,
                                 report::write_hr_import};
    constexpr double total = std::size(sheets) + 1;

    AtomicFile file(path);
    {
        xlsx::Workbook book(file.temporary_path());
        book.set_properties(context.title, tr({"五种表率测评汇总", "Five-exemplars evaluation summary"}));
        double done = 0;
        for (const Writer write : sheets) {
            report_progress(progress, step, done++, total);
            write(book, context);
        }
        report_progress(progress, step, done, total);
        book.close();
    }
    file.commit();
    report_progress(progress, step, total, total);
}

void write_hr_csv(const std::filesystem::path& path, const ReportData& data, const ReportTemplate& report_template) {
    check_data(data);
    check_template(report_template, *data.results);
    const ResultsTable table = hr_import_table(*data.input, *data.results);
    const std::vector<ReportColumn> columns =
        expand_columns(report_template.hr_import, data.results->dimensions, ColumnHeaders::hr_import);
    CsvWriter csv(true);
    std::vector<std::string> header;
    for (const ReportColumn& column : columns) header.push_back(column.header);
    csv.header(header);
    std::vector<TableCell> cells(columns.size());
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < columns.size(); ++c) cells[c] = row[columns[c].source];
        csv.row(cells);
    }
    write_file_atomically(path, csv.str());
}

}  // namespace exemplar
