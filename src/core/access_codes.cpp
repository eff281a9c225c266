#include "core/access_codes.h"

#include <algorithm>
#include <cctype>

#include "core/audit_log.h"
#include "core/atomic_file.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/name_order.h"
#include "core/secret_hash.h"
#include "core/translate.h"
#include "core/xlsx_writer.h"

namespace exemplar {

namespace {

// No 0/O, 1/I/L: codes are read off paper.
constexpr std::string_view alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

std::string new_code() {
    const auto bytes = random_bytes(8);
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4) code += '-';
        code += alphabet[bytes[i] % alphabet.size()];  // 256 % 31 bias is negligible for 40 bits
    }
    return code;
}

std::string normalised(std::string_view code) {
    std::string text;
    for (const char c : code)
        if (c != '-' && c != ' ') text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

std::vector<IssuedCode> issue_access_codes(Database& db, const Cycle& cycle, std::optional<std::size_t> member, ProgressObserver* progress) {
    require_open(cycle);
    std::vector<IssuedCode> issued;
    for (std::size_t m = 0; m < cycle.members.size(); ++m) {
        if (member && *member != m) continue;
        issued.push_back({m, new_code()});
    }
    Transaction transaction(db);
    Statement upsert(db,
                     "INSERT INTO access_codes(cycle_id, member, salt, hash, iterations) VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT(cycle_id, member) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations");
    std::size_t done = 0;
    for (const IssuedCode& code : issued) {
        report_progress(progress, "codes", static_cast<double>(done++), static_cast<double>(issued.size()));
        const SaltedHash hash = hash_secret(normalised(code.code), access_code_iterations);
        upsert.bind(1, cycle.id).bind(2, static_cast<std::int64_t>(code.member)).bind_blob(3, hash.salt).bind_blob(4, hash.hash);
        upsert.bind(5, hash.iterations).run();
    }
    audit(db, "codes.issue", cycle.name, {{"codes", static_cast<std::int64_t>(issued.size())}});
    transaction.commit();
    return issued;
}

bool check_access_code(const Database& db, const Cycle& cycle, std::size_t member, std::string_view code) {
    Statement query(db, "SELECT salt, hash, iterations FROM access_codes WHERE cycle_id = ? AND member = ?");
    query.bind(1, cycle.id).bind(2, static_cast<std::int64_t>(member));
    if (!query.step()) return false;
    const auto salt = query.blob(0);
    const auto hash = query.blob(1);
    const SaltedHash stored{{salt.begin(), salt.end()}, {hash.begin(), hash.end()}, static_cast<int>(query.integer(2))};
    return matches_secret(normalised(code), stored);
}

std::size_t access_code_count(const Database& db, const Cycle& cycle) {
    Statement query(db, "SELECT count(*) FROM access_codes WHERE cycle_id = ?");
    query.bind(1, cycle.id);
    return query.step() ? static_cast<std::size_t>(query.integer(0)) : 0;
}

void write_access_slips(const std::filesystem::path& file, const Cycle& cycle, const std::vector<IssuedCode>& codes) {
    std::vector<IssuedCode> sorted = codes;
    const NameOrder order;
    std::sort(sorted.begin(), sorted.end(), [&](const IssuedCode& a, const IssuedCode& b) {
        const CycleMember& x = cycle.members[a.member];
        const CycleMember& y = cycle.members[b.member];
        if (x.department != y.department) return order.less(x.department, y.department);
        const int c = order.compare(x.name, y.name);
        return c != 0 ? c < 0 : x.code < y.code;
    });
    AtomicFile out(file);
    xlsx::Workbook book(out.temporary_path());
    book.set_properties(tr({"{0}登录码", "{0} access codes"}, cycle.name), tr({"个人登录码（请剪开分发）", "access codes (cut apart)"}));
    xlsx::Sheet sheet(book, tr({"登录码", "codes"}));
    sheet.set_width(0, 16);
    sheet.set_width(1, 34);
    sheet.set_width(2, 20);
    lxw_row_t row = 0;
    std::vector<lxw_row_t> page_breaks;  // eight slips a page
    for (const IssuedCode& code : sorted) {
        const CycleMember& m = cycle.members[code.member];
        sheet.merge(row, 0, row, 2, tr({"{0}{1}“五种表率”测评 个人登录码", "{0} {1}: access code for the five-exemplars evaluation"}, cycle.unit_name, cycle.name),
                    xlsx::Style::section);
        sheet.text(row + 1, 0, tr({"姓名", "name"}), xlsx::Style::label);
        sheet.text(row + 1, 1, m.name + "（" + m.code + "）", xlsx::Style::text);
        sheet.text(row + 1, 2, code.code, xlsx::Style::header);
        sheet.text(row + 2, 0, tr({"部门", "department"}), xlsx::Style::label);
        sheet.text(row + 2, 1, m.department, xlsx::Style::text);
        sheet.blank(row + 2, 2, xlsx::Style::text);
        sheet.merge(row + 3, 0, row + 3, 2,
                    tr({"在测评电脑上打开 Exemplar，选择自己的姓名，输入右上方的登录码。请妥善保管，不要转交他人。",
                        "Open Exemplar on the evaluation computer, pick your name and type the code above. Keep it to yourself."}),
                    xlsx::Style::note);
        sheet.set_height(row + 3, 30);
        sheet.merge(row + 4, 0, row + 4, 2, "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -", xlsx::Style::note);
        row += 5;
        if ((row / 5) % 8 == 0 && page_breaks.size() < 1000) page_breaks.push_back(row);
    }
    page_breaks.push_back(0);
    if (page_breaks.size() > 1) xlsx::check(worksheet_set_h_pagebreaks(sheet.get(), page_breaks.data()), "page breaks");
    sheet.print_setup(false, true);
    book.close();
    out.commit();
}

}  // namespace exemplar
