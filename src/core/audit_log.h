// The audit log: every change to the database leaves one line in it, written
// in the same transaction as the change (both land or neither): when, which
// operating-system user, which program and command, which cycle, and what
// changed, in counts. Never any answer content: peer answers are anonymous
// and the log is for anyone who may read the database.
//
//   set_audit_program("exemplar responses import");   // once, at start
//   audit(db, "responses.import", cycle.name, {{"answers", 3739960}, {"changed", 509999}});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/database.h"

namespace exemplar {

// What the log names as the program making the changes ("exemplar-gui", or
// the CLI's command words). Default: "exemplar".
void set_audit_program(std::string program);

// A count that changed: name (e.g. "added") and how many.
using AuditCount = std::pair<std::string_view, std::int64_t>;

// Appends one line. `action` is a stable code ("roster.import", "cycle.create",
// "responses.import", "answer.save", …); `cycle` is empty when the change is
// not in a cycle. Call inside the transaction that makes the change.
void audit(Database& db, std::string_view action, std::string_view cycle, const std::vector<AuditCount>& counts);

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;       // local time, 2026-11-30 14:05:09
    std::string user;     // operating-system user
    std::string program;  // "exemplar responses import", "exemplar-gui"
    std::string action;
    std::string cycle;
    std::string counts;   // "answers=3739960 changed=509999"
};

// The log, oldest first; only the lines of one cycle when `cycle` is given.
std::vector<AuditEntry> read_audit_log(const Database& db, const std::optional<std::string>& cycle = std::nullopt);

}  // namespace exemplar
