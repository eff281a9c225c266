#include "core/questionnaire_seal.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fmt/format.h>

#include "core/error.h"
#include "core/xlsx_reader.h"

namespace exemplar {

namespace {
// Length-prefixed, so no choice of texts can make two different seals read alike.
void field(std::string& out, std::string_view text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
    out += ';';
}
}  // namespace

std::string QuestionnaireSeal::canonical_text() const {
    std::string text;
    for (const auto& [key, value] : metadata) {
        field(text, key);
        field(text, value);
    }
    text += '\n';
    for (const auto& row : table) {
        for (const std::string& cell : row) field(text, cell);
        text += '\n';
    }
    for (const SheetSeal& sheet : sheets) {
        field(text, sheet.sheet);
        field(text, sheet.identity);
        field(text, sheet.content);
        text += '\n';
    }
    return text;
}

const std::string* QuestionnaireSeal::value(std::string_view key) const {
    for (const auto& [k, v] : metadata)
        if (k == key) return &v;
    return nullptr;
}

QuestionnaireSeal seal_of(const Cycle& cycle, const QuestionnaireLayout& layout) {
    QuestionnaireSeal seal;
    std::string forms;
    for (const Relation relation : all_relations)
        if (const Form* form = cycle.form_for(relation))
            forms += fmt::format("{}{}={}@{}", forms.empty() ? "" : ",", relation_code(relation), form->id, form->version);
    seal.metadata = {
        {"format", questionnaire_format},
        {"version", std::to_string(questionnaire_format_version)},
        {"cycle", cycle.name},
        {"cycle_created", cycle.created_at},
        {"rater_id", cycle.members[layout.rater].code},
        {"forms", forms},
    };
    const std::string& rater = cycle.members[layout.rater].code;
    for (const auto& [sheet, cell] : layout.all_answers())
        seal.table.push_back({layout.sheets[sheet].name, cell_reference(cell.row, cell.column), rater, cycle.members[cell.ratee].code,
                              std::string(relation_code(cell.relation)), cell.item});
    for (const LayoutSheet& sheet : layout.sheets) {
        SheetSeal s;
        s.sheet = sheet.name;
        for (const LayoutCell& cell : sheet.cells) {
            const std::string reference = cell_reference(cell.row, cell.column);
            s.content += (s.content.empty() ? "" : ",") + reference;
            if (cell.role == CellRole::identity) s.identity += (s.identity.empty() ? "" : ";") + reference + "=" + cell.text;
        }
        seal.sheets.push_back(std::move(s));
    }
    return seal;
}

std::string hmac_sha256_hex(std::span<const std::uint8_t> key, std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
             digest, &length) == nullptr)
        throw Error("HMAC-SHA256 failed");
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

}  // namespace exemplar
