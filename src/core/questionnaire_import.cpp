#include "core/questionnaire_import.h"

#include <openssl/crypto.h>

#include <map>
#include <set>

#include "core/cycle_store.h"
#include "core/error.h"
#include "core/questionnaire_seal.h"
#include "core/table_reader.h"
#include "core/translate.h"

namespace exemplar {

namespace {

constexpr const char* hidden_sheet = "_exemplar";
constexpr const char* table_header[6] = {"sheet", "cell", "rater_id", "ratee_id", "relation", "item"};

using CellKey = std::pair<std::uint32_t, std::uint32_t>;  // row, column
using SheetCells = std::map<CellKey, std::string>;

SheetCells read_cells(const XlsxWorkbook& workbook, std::size_t sheet) {
    SheetCells cells;
    auto reader = workbook.sheet(sheet);
    std::vector<XlsxCell> row;
    while (reader.next_row(row))
        for (XlsxCell& cell : row)
            if (!cell.text.empty()) cells[{cell.row, cell.column}] = std::move(cell.text);
    return cells;
}

std::string text_at(const SheetCells& cells, std::uint32_t row, std::uint32_t column) {
    const auto found = cells.find({row, column});
    return found == cells.end() ? std::string() : found->second;
}

// "C12" → (12, 3); nullopt for anything else.
std::optional<CellKey> parse_reference(std::string_view reference) {
    std::uint32_t column = 0;
    std::size_t i = 0;
    while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && i < 3)
        column = column * 26 + static_cast<std::uint32_t>(reference[i++] - 'A' + 1);
    if (i == 0 || i == reference.size() || reference.size() - i > 7) return std::nullopt;
    std::uint32_t row = 0;
    for (; i < reference.size(); ++i) {
        if (reference[i] < '0' || reference[i] > '9') return std::nullopt;
        row = row * 10 + static_cast<std::uint32_t>(reference[i] - '0');
    }
    if (row == 0 || row > 1048576 || column > 16384) return std::nullopt;
    return CellKey{row, column};
}

// One answer cell of the file.
class CellPlace final : public AnswerPlace {
public:
    explicit CellPlace(const XlsxWorkbook& workbook) : workbook_(workbook) {}
    void set(std::size_t sheet, CellKey cell) {
        sheet_ = sheet;
        cell_ = cell;
    }
    Diagnostic at(Field, std::string message) const override { return workbook_.at(sheet_, cell_.first, cell_.second, std::move(message)); }
    std::uint64_t mark() const override {
        return (static_cast<std::uint64_t>(sheet_ + 1) << 40) | (static_cast<std::uint64_t>(cell_.first) << 16) | cell_.second;
    }
    std::string describe(std::uint64_t mark) const override {
        const auto sheet = static_cast<std::size_t>((mark >> 40) - 1);
        return workbook_.sheet_name(sheet) + "!" +
               cell_reference(static_cast<std::uint32_t>((mark >> 16) & 0xFFFFFF), static_cast<std::uint32_t>(mark & 0xFFFF));
    }

private:
    const XlsxWorkbook& workbook_;
    std::size_t sheet_ = 0;
    CellKey cell_{1, 1};
};

}  // namespace

bool is_questionnaire(const XlsxWorkbook& workbook) { return workbook.sheet_index(hidden_sheet).has_value(); }

QuestionnaireImported import_questionnaire(Database& db, const Cycle& cycle, const XlsxWorkbook& workbook, ProgressObserver* progress) {
    const std::size_t hidden = workbook.sheet_index(hidden_sheet).value();
    const SheetCells meta_cells = read_cells(workbook, hidden);
    const auto refuse = [&](std::uint32_t row, std::uint32_t column, std::string message) {
        throw InputRefused(workbook.at(hidden, row, column, std::move(message)));
    };

    // What the hidden sheet says, read exactly as other tools see it.
    QuestionnaireSeal seal;
    for (std::uint32_t c = 0; c < 6; ++c)
        if (text_at(meta_cells, 1, c + 1) != table_header[c])
            refuse(1, c + 1, tr({"这不是本程序生成的测评表（隐藏表头已被改动）", "not a questionnaire made by Exemplar (the hidden header was changed)"}));
    for (std::uint32_t row = 2; !text_at(meta_cells, row, 1).empty(); ++row) {
        std::array<std::string, 6> entry;
        for (std::uint32_t c = 0; c < 6; ++c) entry[c] = text_at(meta_cells, row, c + 1);
        seal.table.push_back(std::move(entry));
    }
    std::string sealed_with;
    std::uint32_t seal_row = 0;
    for (std::uint32_t row = 2; !text_at(meta_cells, row, 8).empty(); ++row) {
        const std::string key = text_at(meta_cells, row, 8);
        if (key == seal_key) {
            sealed_with = text_at(meta_cells, row, 9);
            seal_row = row;
        } else {
            seal.metadata.emplace_back(key, text_at(meta_cells, row, 9));
        }
    }
    for (std::uint32_t row = 2; !text_at(meta_cells, row, 11).empty(); ++row)
        seal.sheets.push_back({text_at(meta_cells, row, 11), text_at(meta_cells, row, 12), text_at(meta_cells, row, 13)});

    const std::string* format = seal.value("format");
    const std::string* version = seal.value("version");
    if (format == nullptr || *format != questionnaire_format || version == nullptr || *version != std::to_string(questionnaire_format_version))
        refuse(1, 8, tr({"这不是本版本程序能读取的测评表", "not a questionnaire this version of Exemplar can read"}));
    const std::string* cycle_name = seal.value("cycle");
    if (cycle_name == nullptr || *cycle_name != cycle.name)
        refuse(1, 8, tr({"这份测评表属于测评周期“{0}”，不是“{1}”", "this questionnaire belongs to the cycle '{0}', not '{1}'"},
                        cycle_name ? *cycle_name : std::string("?"), cycle.name));
    if (cycle.closed())
        refuse(1, 8, tr({"测评周期“{0}”已于 {1} 关闭，不能再导入", "the cycle '{0}' was closed on {1}: nothing can be imported into it"}, cycle.name,
                        *cycle.closed_at));
    const std::vector<std::uint8_t> secret = load_cycle_secret(db, cycle);
    const std::string expected = hmac_sha256_hex(secret, seal.canonical_text());
    if (sealed_with.size() != expected.size() || CRYPTO_memcmp(sealed_with.data(), expected.data(), expected.size()) != 0)
        refuse(seal_row == 0 ? 1 : seal_row, 9,
               tr({"测评表的标识信息与数据库不符：文件被改动过，或来自另一个数据库、另一个测评周期",
                   "the questionnaire's identification does not match the database: the file was altered, or it comes from another "
                   "database or cycle"}));
    const std::string* rater_code = seal.value("rater_id");
    const auto rater = rater_code ? cycle.member_by_code(*rater_code) : std::nullopt;
    if (!rater)
        refuse(1, 8, tr({"填表人“{0}”已不在测评周期“{1}”中", "the rater '{0}' is no longer in the cycle '{1}'"}, rater_code ? *rater_code : "?", cycle.name));

    // The visible sheets: ids where they were, nothing typed outside the answer cells.
    // The write lock first: the answers merged into are the ones written over (another import waits).
    Transaction transaction(db);
    AnswerMerge merge(db, cycle);
    std::map<std::string, std::pair<std::size_t, SheetCells>> sheets;
    std::map<std::string, std::set<CellKey>> answer_cells;
    for (const auto& entry : seal.table)
        if (const auto key = parse_reference(entry[1])) answer_cells[entry[0]].insert(*key);
    for (const SheetSeal& sheet_seal : seal.sheets) {
        const auto index = workbook.sheet_index(sheet_seal.sheet);
        if (!index) {
            // Located on the hidden sheet, which names the sheets the file was written with.
            merge.add_problem(workbook.at(hidden, 1, 1, tr({"缺少工作表“{0}”", "the sheet '{0}' is missing"}, sheet_seal.sheet)));
            continue;
        }
        SheetCells cells = read_cells(workbook, *index);
        std::set<CellKey> content;
        std::size_t start = 0;
        while (start < sheet_seal.content.size()) {
            const std::size_t comma = std::min(sheet_seal.content.find(',', start), sheet_seal.content.size());
            if (const auto key = parse_reference(std::string_view(sheet_seal.content).substr(start, comma - start))) content.insert(*key);
            start = comma + 1;
        }
        start = 0;
        while (start < sheet_seal.identity.size()) {
            const std::size_t end = std::min(sheet_seal.identity.find(';', start), sheet_seal.identity.size());
            const std::string_view pair = std::string_view(sheet_seal.identity).substr(start, end - start);
            const std::size_t equals = pair.find('=');
            const auto key = parse_reference(pair.substr(0, equals));
            if (key && equals != std::string_view::npos) {
                const std::string wanted(pair.substr(equals + 1));
                if (std::string(trim_cell(text_at(cells, key->first, key->second))) != wanted)
                    merge.add_problem(workbook.at(*index, key->first, key->second,
                                                  tr({"这里应为“{0}”：表格被移动或改动过", "this cell must hold '{0}': the sheet was rearranged or altered"}, wanted)));
            }
            start = end + 1;
        }
        const auto& answers_here = answer_cells[sheet_seal.sheet];
        for (const auto& [key, text] : cells)
            if (!content.count(key) && !answers_here.count(key) && !trim_cell(text).empty())
                merge.add_problem(workbook.at(*index, key.first, key.second,
                                              tr({"答案只能填在答案格中，这里不能填写内容", "answers go in the answer cells only: nothing may be typed here"})));
        sheets.emplace(sheet_seal.sheet, std::make_pair(*index, std::move(cells)));
    }

    CellPlace place(workbook);
    std::size_t done = 0;
    for (const auto& entry : seal.table) {
        if (++done % 4096 == 0) report_progress(progress, "questionnaire", static_cast<double>(done), static_cast<double>(seal.table.size()));
        const auto sheet = sheets.find(entry[0]);
        const auto key = parse_reference(entry[1]);
        if (sheet == sheets.end() || !key) continue;  // reported above, or refused by the seal
        place.set(sheet->second.first, *key);
        const std::string answer(trim_cell(text_at(sheet->second.second, key->first, key->second)));
        merge.add(entry[2], entry[3], entry[4], entry[5], answer, place);
    }
    if (merge.refused()) {
        std::vector<Diagnostic> problems = merge.problems();
        throw InputRefused(problems);
    }

    QuestionnaireImported imported;
    imported.rater = cycle.members[*rater].name + "（" + cycle.members[*rater].code + "）";
    // Incomplete assignments and their empty required cells, before the merge is consumed.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> by_assignment;  // sheet, ratee, relation → cells
    std::map<std::tuple<std::string, std::string, std::string>, std::map<std::string, std::string>> cell_of_item;
    for (const auto& entry : seal.table) cell_of_item[{entry[0], entry[3], entry[4]}][entry[5]] = entry[1];
    for (const auto& [assignment, items] : cell_of_item) {
        const auto& [sheet_name, ratee_code, relation_text] = assignment;
        const auto ratee = cycle.member_by_code(ratee_code);
        const auto relation = parse_relation(relation_text);
        if (!ratee || !relation) continue;
        const auto missing = merge.missing_required(*rater, *ratee, *relation);
        if (missing.empty()) continue;
        IncompleteAssignment incomplete;
        incomplete.sheet = sheet_name;
        incomplete.ratee = cycle.members[*ratee].name + "（" + ratee_code + "）";
        for (const std::string& item : missing) {
            const auto found = items.find(item);
            incomplete.cells.push_back(found == items.end() ? item : found->second);
        }
        imported.incomplete.push_back(std::move(incomplete));
    }
    imported.counts = merge.commit(db, progress);
    transaction.commit();
    return imported;
}

}  // namespace exemplar
