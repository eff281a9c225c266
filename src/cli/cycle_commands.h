// `exemplar cycle create|list|show|close|delete`.
#pragma once

#include <string>

#include "core/relation.h"

namespace exemplar::cli {

int cycle_create(const std::string& database, const std::string& name, const std::string& plan_file, const std::string& unit,
                 const std::string& deadline);
int cycle_list(const std::string& database);
int cycle_show(const std::string& database, const std::string& name);
int cycle_close(const std::string& database, const std::string& name);
int cycle_delete(const std::string& database, const std::string& name, bool yes);

// Relation words for people: 自评/上级/同事 in Chinese, self/head/peer otherwise.
std::string relation_word(Relation relation);

}  // namespace exemplar::cli
