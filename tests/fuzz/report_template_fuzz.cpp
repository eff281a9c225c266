// A report template (SPEC §6) as `exemplar report --template` reads it:
// load_report_template, then, for a template that loads, the HR导入 CSV and
// the report workbook of the nine-person office's cycle with simulated
// answers — the two writers that place the template's title, headers and
// columns. A template that fits no cycle is refused with located messages.
#include "core/cycle_report.h"
#include "core/error.h"
#include "core/report_template.h"
#include "core/report_workbook.h"
#include "fuzz_office.h"
#include "fuzz_target.h"

using namespace exemplar;
using namespace exemplar::fuzz;

namespace {

CycleReport& report() {
    static const std::unique_ptr<CycleReport> loaded = load_cycle_report(fuzz_office(true).db, "2026年度");
    return *loaded;
}

void initialize() { report(); }

}  // namespace

EXEMPLAR_FUZZ_TARGET_WITH_INIT(report_template, initialize) {
    const auto path = write_input("template.yaml", input);
    const ReportTemplateLoad loaded = load_report_template(path);
    if (!loaded.report_template) {
        check_located(loaded.diagnostics, path.string());
        return Outcome::refused;
    }
    fuzz_check(loaded.diagnostics.empty(), "a loaded template comes without diagnostics");
    const ReportTemplate& report_template = *loaded.report_template;
    const CycleReport& cycle = report();
    const auto problems = check_report_template(report_template, cycle.results.dimensions);
    for (const ColumnHeaders headers : {ColumnHeaders::summary, ColumnHeaders::hr_import}) {
        const auto& columns = headers == ColumnHeaders::summary ? report_template.summary : report_template.hr_import;
        for (const ReportColumn& column : expand_columns(columns, cycle.results.dimensions, headers))
            fuzz_check(!column.dimension || column.dimension_index < cycle.results.dimensions.size(), "a column's dimension is the cycle's");
    }
    (void)report_title(report_template, cycle.cycle.unit_name, cycle.cycle.name);
    try {
        write_hr_csv(scratch_path("hr.csv"), cycle.data, report_template);
        write_report(scratch_path("report.xlsx"), cycle.data, report_template);
        fuzz_check(problems.empty(), "a template that does not fit the cycle is refused");
    } catch (const InputRefused& refused) {
        check_located(refused.diagnostics(), path.string());
        fuzz_check(!problems.empty(), "a template that fits the cycle is written");
        return Outcome::refused;
    }
    return Outcome::accepted;
}
