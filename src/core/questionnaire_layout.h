// What an offline questionnaire holds (SPEC §7), cell by cell, for one rater:
// an instructions sheet, the self-review, one evaluation per subordinate and
// the peer ballot as a grid. The writer turns it into an xlsx file; the
// importer rebuilds it to check a returned file against it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/assignment_plan.h"
#include "core/cycle.h"
#include "core/relation.h"

namespace exemplar {

enum class CellRole {
    title,     // the sheet's title row
    subtitle,  // who and what, under the title
    heading,   // an exemplar or a facet
    header,    // column headers
    text,      // questions, instructions
    identity,  // ids next to answers; a returned file must still hold them unchanged
    note,      // small print
};

struct LayoutCell {
    std::uint32_t row = 0;     // 1-based
    std::uint32_t column = 0;  // 1-based
    std::string text;
    CellRole role = CellRole::text;
    std::uint32_t merge_to_column = 0;  // > column: merged across to this column
};

struct AnswerCell {
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    std::size_t ratee = 0;  // member index
    Relation relation = Relation::self;
    std::string item;       // item id, or comment id (free text)
    std::optional<std::size_t> scale;  // index into the relation's form scales; none for comments
};

struct LayoutSheet {
    std::string name;
    std::vector<LayoutCell> cells;
    std::vector<AnswerCell> answers;
    std::vector<double> column_widths;      // per column from A, in Excel character units
    std::vector<std::pair<std::uint32_t, double>> row_heights;  // row → points
    std::uint32_t header_rows = 0;          // rows repeated on every printed page
};

struct QuestionnaireLayout {
    std::size_t rater = 0;
    std::string file_name;  // 工号-姓名-测评表.xlsx
    std::vector<LayoutSheet> sheets;  // instructions first

    // Every answer cell in sheet order: the table of the hidden sheet.
    std::vector<std::pair<std::size_t, AnswerCell>> all_answers() const;  // (sheet index, cell)
};

// The rater's assignments (from plan_assignments, those with this rater),
// laid out: self-review, then one sheet per head evaluation, then the ballot.
QuestionnaireLayout questionnaire_layout(const Cycle& cycle, std::size_t rater,
                                         const std::vector<PlannedAssignment>& assignments_of_rater);

// A sheet or file name safe for Excel and for file systems.
std::string safe_sheet_name(std::string name);
std::string safe_file_name(std::string name);

}  // namespace exemplar
