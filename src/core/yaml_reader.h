// Typed, located reading of a YamlDocument under the YAML 1.2 core schema:
// numbers are never booleans, `true`/`false` are the only booleans, quoted
// scalars are always text, and .inf/.nan are refused. Problems are appended
// to the diagnostics list; the readers return nullopt for a refused value.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diagnostic.h"
#include "core/yaml_document.h"

namespace exemplar {

class YamlReader {
public:
    YamlReader(const YamlDocument& document, std::vector<Diagnostic>& diagnostics);

    struct Entry {
        std::string key;
        YAML::Node key_node;
        YAML::Node value;
    };
    // A mapping's entries in file order; unknown and repeated keys are reported
    // (at the key) and left out. Empty (with a message) when `map` is no mapping.
    std::vector<Entry> entries(const YAML::Node& map, std::initializer_list<std::string_view> known_keys,
                               const YAML::Node* key = nullptr);

    // The entry for `key`, or nullptr; with `required`, a missing key is
    // reported at the mapping.
    const Entry* find(const std::vector<Entry>& entries, std::string_view key, const YAML::Node& map,
                      bool required);

    bool expect_map(const YAML::Node& node, const YAML::Node* key = nullptr);
    bool expect_list(const YAML::Node& node, const YAML::Node* key = nullptr);

    // `key`, when given, is where a missing (null) value is reported: yaml-cpp
    // marks an empty value at the next token, which may be lines later.
    std::optional<std::string> text(const YAML::Node& node, const YAML::Node* key = nullptr);  // any scalar but null
    std::optional<double> number(const YAML::Node& node, const YAML::Node* key = nullptr);
    std::optional<long long> integer(const YAML::Node& node, const YAML::Node* key = nullptr);
    std::optional<bool> boolean(const YAML::Node& node, const YAML::Node* key = nullptr);
    std::optional<std::string> text(const Entry& entry) { return text(entry.value, &entry.key_node); }
    std::optional<double> number(const Entry& entry) { return number(entry.value, &entry.key_node); }
    std::optional<long long> integer(const Entry& entry) { return integer(entry.value, &entry.key_node); }
    std::optional<bool> boolean(const Entry& entry) { return boolean(entry.value, &entry.key_node); }

    void error(const YAML::Node& at, std::string message);
    void error_at(std::size_t byte_offset, std::string message);
    std::size_t offset_of(const YAML::Node& node) const;
    int line_of(const YAML::Node& node) const;

    const YamlDocument& document() const { return document_; }
    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

private:
    enum class Kind { null, boolean, integer, floating, special_float, text, collection, tagged };
    Kind kind(const YAML::Node& node) const;
    std::string shown(const YAML::Node& node) const;
    // Reports at the node, or at `key` when the node is an empty value.
    void value_error(const YAML::Node& node, const YAML::Node* key, std::string message);

    const YamlDocument& document_;
    std::vector<Diagnostic>& diagnostics_;
};

}  // namespace exemplar
