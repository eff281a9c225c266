#include "core/admin_password.h"

#include "core/audit_log.h"
#include "core/error.h"
#include "core/secret_hash.h"
#include "core/translate.h"
#include "core/utf8.h"

namespace exemplar {

namespace {
constexpr const char* setting = "admin_password";
}

bool has_admin_password(const Database& db) {
    Statement query(db, "SELECT 1 FROM settings WHERE key = ?");
    query.bind(1, setting);
    return query.step();
}

std::optional<std::string> admin_password_problem(std::string_view password) {
    if (utf8_length(password) < 8) return tr({"密码至少需要 8 个字符", "the password needs at least 8 characters"});
    return std::nullopt;
}

void set_admin_password(Database& db, std::string_view password) {
    if (const auto why = admin_password_problem(password)) throw Refused(*why);
    const std::string stored = to_text(hash_secret(password, password_iterations));
    Transaction transaction(db);
    Statement upsert(db, "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, setting).bind(2, stored).run();
    audit(db, "admin.password", "", {});
    transaction.commit();
}

bool check_admin_password(const Database& db, std::string_view password) {
    Statement query(db, "SELECT value FROM settings WHERE key = ?");
    query.bind(1, setting);
    if (!query.step()) return false;
    return matches_secret(password, salted_hash_from_text(query.text(0)));
}

}  // namespace exemplar
