// An evaluation plan (考核方案, SPEC §3): which form each relation uses, the
// weights, the anonymity threshold, the grades and the quota of the top grade.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/relation.h"

namespace exemplar {

enum class PeerScope { department, unit };

struct Grade {
    std::string name;
    double min = 0;

    bool operator==(const Grade&) const = default;
};

struct Plan {
    std::string id;
    std::array<std::optional<std::string>, 3> forms;  // form id per Relation; none: no assignments
    std::array<double, 3> relation_weights{0, 0, 0};  // missing: 0
    std::vector<std::pair<std::string, double>> dimension_weights;  // file order; missing: 0
    PeerScope peer_scope = PeerScope::department;
    int min_peers = 3;
    bool trim_extremes = false;
    std::vector<Grade> grades;  // highest first
    double top_grade_quota = 1;

    const std::optional<std::string>& form_for(Relation relation) const { return forms[index_of(relation)]; }
    double weight_of(Relation relation) const { return relation_weights[index_of(relation)]; }
    double weight_of_dimension(std::string_view dimension_id) const;

    bool operator==(const Plan&) const = default;
};

}  // namespace exemplar
