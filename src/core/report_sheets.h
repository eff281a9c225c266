// The sheets of the report workbook (SPEC §6), one function a sheet, and
// what they share with the report cards. Internal to the report writers.
#pragma once

#include <future>
#include <string>
#include <string_view>
#include <vector>

#include "core/reliability.h"
#include "core/report_template.h"
#include "core/report_workbook.h"
#include "core/results_table.h"
#include "core/xlsx_writer.h"

namespace exemplar::report {

inline constexpr std::string_view notes_sheet = "说明";
inline constexpr std::string_view summary_sheet = "汇总";
inline constexpr std::string_view departments_sheet = "部门汇总";
inline constexpr std::string_view votes_sheet = "民主测评";
inline constexpr std::string_view gaps_sheet = "自评差异";
inline constexpr std::string_view reliability_sheet = "信度分析";
inline constexpr std::string_view hr_import_sheet = "HR导入";

struct Context {
    const ReportData& data;
    const ReportTemplate& report_template;
    const ResultsTable& table;  // hr_import_table(): the rows of 汇总 and HR导入
    std::string title;          // the template's title, filled in
    // Worked out beside the first sheets; 信度分析 waits for it.
    std::shared_future<std::vector<FormReliability>> reliability;
};

// report_sheets.cpp
void write_notes(xlsx::Workbook& book, const Context& context);
void write_summary(xlsx::Workbook& book, const Context& context);
void write_hr_import(xlsx::Workbook& book, const Context& context);

// report_analysis.cpp
void write_departments(xlsx::Workbook& book, const Context& context);
void write_votes(xlsx::Workbook& book, const Context& context);
void write_gaps(xlsx::Workbook& book, const Context& context);
void write_reliability(xlsx::Workbook& book, const Context& context);

// Shared with the report cards.

// "单位：…　考核周期：…" ("Unit: …    Evaluation cycle: …") for the line under a sheet's title.
std::string unit_and_cycle(const Cycle& cycle);


// The peer form's items that are tallied (their scale has `favorable`), and
// the option labels of their scales, in order of first appearance: the
// count columns of a tally table.
struct TallyColumns {
    std::vector<std::string> labels;
};
TallyColumns tally_columns(const Form& peer_form);

// The flag (BLIND_SPOT:<dim> or HIDDEN_STRENGTH:<dim>) a person has for a dimension, or empty.
std::string gap_flag(const PersonResult& person, std::string_view dimension_id);
// 自评明显高于他评 / 自评明显低于他评 for such a flag, in the user's language.
std::string gap_flag_meaning(std::string_view flag);

// A tally table (题号 | 测评项目 | counts… | 有效票数 | 好评率, in the user's language) at `row`,
// column `first_col`: the header, then a person's rows (aggregated counts
// only). Each returns the next free row.
lxw_row_t write_tally_header(xlsx::Sheet& sheet, lxw_row_t row, lxw_col_t first_col, const TallyColumns& columns);
lxw_row_t write_tally_rows(xlsx::Sheet& sheet, lxw_row_t row, lxw_col_t first_col, const TallyColumns& columns,
                           const Form& peer_form, const PersonResult& person, double row_height = 20);

}  // namespace exemplar::report
