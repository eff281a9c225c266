// The local time as text for the database and reports: "2026-11-30 14:05:09".
#pragma once

#include <string>

namespace exemplar {

std::string local_time_text();

}  // namespace exemplar
