#include "core/yaml_reader.h"

#include <charconv>
#include <cmath>

#include "core/translate.h"

namespace exemplar {

namespace {

bool all_of(std::string_view s, bool (*predicate)(char)) {
    if (s.empty()) return false;
    for (const char c : s)
        if (!predicate(c)) return false;
    return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string_view without_sign(std::string_view s) {
    return (!s.empty() && (s.front() == '+' || s.front() == '-')) ? s.substr(1) : s;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(std::string_view s) {
    s = without_sign(s);
    std::size_t i = 0;
    std::size_t digits_before = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits_before;
    std::size_t digits_after = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits_after;
    }
    if (digits_before == 0 && digits_after == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!all_of(s.substr(i), is_digit)) return false;
        return true;
    }
    return i == s.size();
}

bool is_special_float(std::string_view s) {
    const std::string_view body = without_sign(s);
    if (body == ".inf" || body == ".Inf" || body == ".INF") return true;
    return s == ".nan" || s == ".NaN" || s == ".NAN";
}

double parse_core_number(std::string_view s) {
    const bool negative = !s.empty() && s.front() == '-';
    s = without_sign(s);
    if (s.starts_with("0o") || s.starts_with("0x")) {
        unsigned long long value = 0;
        std::from_chars(s.data() + 2, s.data() + s.size(), value, s[1] == 'o' ? 8 : 16);
        const double result = static_cast<double>(value);
        return negative ? -result : result;
    }
    double value = 0;
    std::from_chars(s.data(), s.data() + s.size(), value);
    return negative ? -value : value;
}

}  // namespace

YamlReader::YamlReader(const YamlDocument& document, std::vector<Diagnostic>& diagnostics)
    : document_(document), diagnostics_(diagnostics) {}

std::size_t YamlReader::offset_of(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : static_cast<std::size_t>(mark.pos);
}

int YamlReader::line_of(const YAML::Node& node) const { return document_.source().position(offset_of(node)).line; }

void YamlReader::error(const YAML::Node& at, std::string message) { error_at(offset_of(at), std::move(message)); }

void YamlReader::error_at(std::size_t byte_offset, std::string message) {
    diagnostics_.push_back(document_.source().at(byte_offset, std::move(message)));
}

YamlReader::Kind YamlReader::kind(const YAML::Node& node) const {
    if (!node.IsDefined() || node.IsNull()) return Kind::null;
    if (!node.IsScalar()) return Kind::collection;
    const std::string& tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return Kind::text;  // quoted, or !!str
    if (tag != "?") return Kind::tagged;
    const std::string& s = node.Scalar();
    if (s == "~" || s == "null" || s == "Null" || s == "NULL") return Kind::null;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
        return Kind::boolean;
    const std::string_view body = without_sign(s);
    if (all_of(body, is_digit)) return Kind::integer;
    if (s.size() > 2 && s.starts_with("0o") && all_of(std::string_view(s).substr(2), is_octal)) return Kind::integer;
    if (s.size() > 2 && s.starts_with("0x") && all_of(std::string_view(s).substr(2), is_hex)) return Kind::integer;
    if (is_special_float(s)) return Kind::special_float;
    if (is_core_float(s)) return Kind::floating;
    return Kind::text;
}

std::string YamlReader::shown(const YAML::Node& node) const {
    return node.IsScalar() ? node.Scalar() : std::string(node.IsMap() ? "{…}" : "[…]");
}

std::vector<YamlReader::Entry> YamlReader::entries(const YAML::Node& map,
                                                   std::initializer_list<std::string_view> known_keys,
                                                   const YAML::Node* key) {
    std::vector<Entry> result;
    if (!expect_map(map, key)) return result;
    std::vector<std::pair<std::string, int>> seen;  // key, line
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key_node = it->first;
        if (!key_node.IsScalar()) {
            error(key_node, tr({"键必须是文本", "a key must be text"}));
            continue;
        }
        const std::string name = key_node.Scalar();
        bool repeated = false;
        for (const auto& [other, line] : seen)
            if (other == name) {
                error(key_node, tr({"键“{0}”重复（第一次在第 {1} 行）", "key '{0}' is repeated (first on line {1})"}, name, line));
                repeated = true;
            }
        if (repeated) continue;
        seen.emplace_back(name, line_of(key_node));
        bool known = false;
        for (const std::string_view k : known_keys) known = known || k == name;
        if (!known) {
            error(key_node, tr({"未知的键“{0}”", "unknown key '{0}'"}, name));
            continue;
        }
        result.push_back(Entry{name, key_node, it->second});
    }
    return result;
}

const YamlReader::Entry* YamlReader::find(const std::vector<Entry>& entries, std::string_view key,
                                          const YAML::Node& map, bool required) {
    for (const Entry& entry : entries)
        if (entry.key == key) return &entry;
    if (required) error(map, tr({"缺少键“{0}”", "missing key '{0}'"}, key));
    return nullptr;
}

void YamlReader::value_error(const YAML::Node& node, const YAML::Node* key, std::string message) {
    const bool empty = !node.IsDefined() || node.IsNull();
    error(empty && key != nullptr ? *key : node, std::move(message));
}

bool YamlReader::expect_map(const YAML::Node& node, const YAML::Node* key) {
    if (node.IsMap()) return true;
    value_error(node, key, tr({"此处应为映射（键: 值）", "a mapping (key: value) is expected here"}));
    return false;
}

bool YamlReader::expect_list(const YAML::Node& node, const YAML::Node* key) {
    if (node.IsSequence()) return true;
    value_error(node, key, tr({"此处应为列表", "a list is expected here"}));
    return false;
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, const YAML::Node* key) {
    switch (kind(node)) {
        case Kind::null:
            value_error(node, key, tr({"缺少文本", "text is missing"}));
            return std::nullopt;
        case Kind::collection:
            value_error(node, key, tr({"此处应为文本", "text is expected here"}));
            return std::nullopt;
        case Kind::tagged:
            value_error(node, key, tr({"不支持 YAML 标签“{0}”", "YAML tags such as '{0}' are not supported"}, node.Tag()));
            return std::nullopt;
        default:
            return node.Scalar();
    }
}

std::optional<double> YamlReader::number(const YAML::Node& node, const YAML::Node* key) {
    switch (kind(node)) {
        case Kind::integer:
        case Kind::floating: {
            const double value = parse_core_number(node.Scalar());
            if (!std::isfinite(value)) {
                value_error(node, key, tr({"数字“{0}”超出范围", "the number '{0}' is out of range"}, node.Scalar()));
                return std::nullopt;
            }
            return value;
        }
        case Kind::boolean:
            value_error(node, key, tr({"“{0}”是布尔值，此处应为数字", "'{0}' is a boolean; a number is expected"}, node.Scalar()));
            return std::nullopt;
        case Kind::special_float:
            value_error(node, key, tr({"不允许使用 .inf 或 .nan（“{0}”）", "'{0}': .inf and .nan are not allowed"}, node.Scalar()));
            return std::nullopt;
        case Kind::null:
            value_error(node, key, tr({"缺少数字", "a number is missing"}));
            return std::nullopt;
        case Kind::tagged:
            value_error(node, key, tr({"不支持 YAML 标签“{0}”", "YAML tags such as '{0}' are not supported"}, node.Tag()));
            return std::nullopt;
        default:
            value_error(node, key, tr({"“{0}”不是数字", "'{0}' is not a number"}, shown(node)));
            return std::nullopt;
    }
}

std::optional<long long> YamlReader::integer(const YAML::Node& node, const YAML::Node* key) {
    if (kind(node) == Kind::floating) {
        value_error(node, key, tr({"“{0}”不是整数", "'{0}' is not an integer"}, node.Scalar()));
        return std::nullopt;
    }
    const auto value = number(node, key);
    if (!value) return std::nullopt;
    if (std::fabs(*value) > 9.0e15) {
        value_error(node, key, tr({"数字“{0}”超出范围", "the number '{0}' is out of range"}, node.Scalar()));
        return std::nullopt;
    }
    return static_cast<long long>(*value);
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, const YAML::Node* key) {
    if (kind(node) == Kind::boolean) {
        const char first = node.Scalar().front();
        return first == 't' || first == 'T';
    }
    value_error(node, key, tr({"“{0}”不是 true 或 false", "'{0}' is not true or false"}, shown(node)));
    return std::nullopt;
}

}  // namespace exemplar
