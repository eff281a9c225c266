#include "core/audit_log.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "core/clock.h"

namespace exemplar {

namespace {

std::string& program_name() {
    static std::string name = "exemplar";
    return name;
}

// The account the program runs under: the password database first (it
// cannot be faked by the environment), then $USER, then the numeric id.
std::string system_user() {
    const uid_t uid = geteuid();
    if (const passwd* entry = getpwuid(uid); entry != nullptr && entry->pw_name != nullptr) return entry->pw_name;
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
    return fmt::format("uid {}", uid);
}

}  // namespace

void set_audit_program(std::string program) { program_name() = std::move(program); }

void audit(Database& db, std::string_view action, std::string_view cycle, const std::vector<AuditCount>& counts) {
    std::string text;
    for (const auto& [name, count] : counts) text += fmt::format("{}{}={}", text.empty() ? "" : " ", name, count);
    Statement insert(db, "INSERT INTO audit_log(at, user, program, action, cycle, counts) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, local_time_text()).bind(2, system_user()).bind(3, program_name()).bind(4, action);
    if (cycle.empty())
        insert.bind_null(5);
    else
        insert.bind(5, cycle);
    insert.bind(6, text).run();
}

std::vector<AuditEntry> read_audit_log(const Database& db, const std::optional<std::string>& cycle) {
    Statement query(db, cycle ? "SELECT id, at, user, program, action, cycle, counts FROM audit_log WHERE cycle = ? ORDER BY id"
                              : "SELECT id, at, user, program, action, cycle, counts FROM audit_log ORDER BY id");
    if (cycle) query.bind(1, *cycle);
    std::vector<AuditEntry> entries;
    while (query.step()) {
        AuditEntry entry;
        entry.id = query.integer(0);
        entry.at = query.text(1);
        entry.user = query.text(2);
        entry.program = query.text(3);
        entry.action = query.text(4);
        entry.cycle = query.is_null(5) ? std::string() : query.text(5);
        entry.counts = query.text(6);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace exemplar
