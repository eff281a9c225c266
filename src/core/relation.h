// The three ways one person rates another (SPEC §3): self-review, the
// supervisor's evaluation and the anonymous peer ballot.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace exemplar {

enum class Relation { self = 0, head = 1, peer = 2 };

inline constexpr std::array<Relation, 3> all_relations{Relation::self, Relation::head, Relation::peer};

// "self", "head", "peer"
std::string_view relation_code(Relation relation);
// 自评, 上级, 同事
std::string_view relation_chinese(Relation relation);
// Either language, English case-insensitive: self/自评, head/上级, peer/同事.
std::optional<Relation> parse_relation(std::string_view word);

inline constexpr std::size_t index_of(Relation relation) { return static_cast<std::size_t>(relation); }

}  // namespace exemplar
