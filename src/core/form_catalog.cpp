#include "core/form_catalog.h"

#include <algorithm>
#include <system_error>

#include "core/yaml_document.h"

namespace exemplar {

namespace {
bool declares_form(const std::filesystem::path& path, const std::string& form_id) {
    std::vector<Diagnostic> ignored;
    const auto document = YamlDocument::read_file(path, ignored);
    if (!document || !document->root().IsMap()) return false;
    const YAML::Node id = document->root()["form"];
    return id.IsDefined() && id.IsScalar() && id.Scalar() == form_id;
}
}  // namespace

FormSearch find_form(const std::string& form_id, const std::vector<std::filesystem::path>& folders) {
    FormSearch search;
    for (const auto& folder : folders) {
        std::error_code error;
        std::vector<std::filesystem::path> candidates;
        for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
            if (it->path().extension() == ".yaml" && it->is_regular_file(error)) candidates.push_back(it->path());
        }
        std::sort(candidates.begin(), candidates.end());
        // The file named after the id is the likely one; look at it first.
        std::stable_partition(candidates.begin(), candidates.end(),
                              [&](const auto& p) { return p.stem() == form_id; });
        for (const auto& candidate : candidates)
            if (declares_form(candidate, form_id)) search.files.push_back(candidate);
        if (search.found()) return search;
    }
    return search;
}

}  // namespace exemplar
