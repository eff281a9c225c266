#include "core/relation.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace exemplar {

std::string_view relation_code(Relation relation) {
    switch (relation) {
        case Relation::self: return "self";
        case Relation::head: return "head";
        case Relation::peer: return "peer";
    }
    return "self";
}

std::string_view relation_chinese(Relation relation) {
    switch (relation) {
        case Relation::self: return "自评";
        case Relation::head: return "上级";
        case Relation::peer: return "同事";
    }
    return "自评";
}

std::optional<Relation> parse_relation(std::string_view word) {
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const Relation relation : all_relations)
        if (lower == relation_code(relation) || word == relation_chinese(relation)) return relation;
    return std::nullopt;
}

}  // namespace exemplar
