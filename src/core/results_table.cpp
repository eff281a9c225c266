#include "core/results_table.h"

#include <algorithm>
#include <numeric>

#include "core/name_order.h"

namespace exemplar {

namespace {
TableCell number(const std::optional<double>& value) {
    return value ? TableCell(*value) : TableCell(std::monostate{});
}
TableCell integer(const std::optional<int>& value) {
    return value ? TableCell(static_cast<long long>(*value)) : TableCell(std::monostate{});
}

// Stroke-order sort keys of the people's names, computed once per ordering.
std::vector<std::string> name_keys(const ScoringInput& input, const CycleResults& results) {
    const NameOrder names;
    std::vector<std::string> keys(results.people.size());
    for (std::size_t i = 0; i < results.people.size(); ++i) keys[i] = names.sort_key(input.members[results.people[i].member].name);
    return keys;
}
}  // namespace

std::vector<std::size_t> people_by_name(const ScoringInput& input, const CycleResults& results) {
    const std::vector<std::string> keys = name_keys(input, results);
    std::vector<std::size_t> order(results.people.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        return input.members[results.people[a].member].person_id < input.members[results.people[b].member].person_id;
    });
    return order;
}

std::vector<std::size_t> order_people(const ScoringInput& input, const CycleResults& results) {
    const std::vector<std::string> keys = name_keys(input, results);
    std::vector<std::size_t> order(results.people.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const PersonResult& pa = results.people[a];
        const PersonResult& pb = results.people[b];
        const bool ranked_a = pa.rank_unit.has_value();
        const bool ranked_b = pb.rank_unit.has_value();
        if (ranked_a != ranked_b) return ranked_a;
        if (ranked_a && *pa.rank_unit != *pb.rank_unit) return *pa.rank_unit < *pb.rank_unit;
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        return input.members[pa.member].person_id < input.members[pb.member].person_id;
    });
    return order;
}

ResultsTable hr_import_table(const ScoringInput& input, const CycleResults& results) {
    ResultsTable table;
    table.columns = {"person_id", "name", "department", "position"};
    for (const DimensionColumn& dimension : results.dimensions) table.columns.push_back(dimension.id);
    for (const char* code : {"total", "rank_unit", "rank_department", "grade", "self_total", "head_total", "peer_total",
                             "peer_count", "flags"})
        table.columns.emplace_back(code);

    table.people = order_people(input, results);
    table.rows.reserve(table.people.size());
    for (const std::size_t index : table.people) {
        const PersonResult& person = results.people[index];
        const ScoringMember& member = input.members[person.member];
        std::vector<TableCell> row;
        row.reserve(table.columns.size());
        for (const std::string* text : {&member.person_id, &member.name, &member.department, &member.position})
            row.emplace_back(std::in_place_type<std::string>, *text);
        for (const auto& score : person.scores) row.push_back(number(score));
        row.push_back(number(person.total));
        row.push_back(integer(person.rank_unit));
        row.push_back(integer(person.rank_department));
        row.push_back(person.grade ? TableCell(*person.grade) : TableCell(std::monostate{}));
        for (const Relation relation : all_relations) row.push_back(number(person.group_totals[index_of(relation)]));
        row.push_back(static_cast<long long>(person.peer_count));
        std::string flags;
        for (const std::string& flag : person.flags) flags += (flags.empty() ? "" : ";") + flag;
        row.push_back(flags.empty() ? TableCell(std::monostate{}) : TableCell(flags));
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace exemplar
