// A YAML file read safely. Before yaml-cpp builds a node tree the text is
// checked for size, encoding, control characters, tab indentation, nesting
// depth and aliases; every problem comes back located.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diagnostic.h"
#include "core/source_text.h"

namespace exemplar {

struct YamlLimits {
    std::size_t max_bytes = 1024 * 1024;  // 1 MiB
    int max_depth = 64;                   // the top-level collection is level 1
};

class YamlDocument {
public:
    // nullopt (with diagnostics appended) when the text is not one acceptable
    // YAML document. A UTF-8 byte order mark is allowed and ignored.
    static std::optional<YamlDocument> parse(std::string display_name, std::string text,
                                             std::vector<Diagnostic>& diagnostics,
                                             const YamlLimits& limits = {});
    static std::optional<YamlDocument> read_file(const std::filesystem::path& path,
                                                 std::vector<Diagnostic>& diagnostics,
                                                 const YamlLimits& limits = {});

    const YAML::Node& root() const { return root_; }
    const SourceText& source() const { return source_; }

private:
    YamlDocument(SourceText source, YAML::Node root) : source_(std::move(source)), root_(std::move(root)) {}
    SourceText source_;
    YAML::Node root_;
};

}  // namespace exemplar
