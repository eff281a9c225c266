// The hidden sheet `_exemplar` of an offline questionnaire (SPEC §7) and its
// seal. The sheet lists every answer cell in columns A–F (header `sheet,
// cell, rater_id, ratee_id, relation, item`, down to the first blank row) so
// other tools can fill the files; beside it: what identifies the file, the
// ids shown next to the answers, where each sheet has content, and an
// HMAC-SHA256 over all of that with a key that lives only in the database.
// A file edited to speak for someone else, or with moved answer cells, no
// longer matches its seal.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/cycle.h"
#include "core/questionnaire_layout.h"

namespace exemplar {

inline constexpr const char* questionnaire_format = "exemplar-questionnaire";
inline constexpr int questionnaire_format_version = 1;

struct SheetSeal {
    std::string sheet;
    std::string identity;  // "A6=L1;C2=A03": cells that must keep their ids
    std::string content;   // "A1,B2,…": cells the file was written with (others must stay empty)
};

struct QuestionnaireSeal {
    std::vector<std::pair<std::string, std::string>> metadata;  // key, value (the seal itself not included)
    std::vector<std::array<std::string, 6>> table;               // sheet, cell, rater_id, ratee_id, relation, item
    std::vector<SheetSeal> sheets;

    // The text the HMAC is computed over: every field, in order, unambiguous.
    std::string canonical_text() const;
    const std::string* value(std::string_view key) const;
};

// What a questionnaire for this layout is sealed with.
QuestionnaireSeal seal_of(const Cycle& cycle, const QuestionnaireLayout& layout);

// Hex HMAC-SHA256 of the text under the key.
std::string hmac_sha256_hex(std::span<const std::uint8_t> key, std::string_view text);

// "sheet:exemplar-questionnaire" style metadata keys.
inline constexpr const char* seal_key = "seal";

}  // namespace exemplar
