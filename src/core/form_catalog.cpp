#include "core/form_catalog.h"

#include <algorithm>
#include <system_error>

#include "core/error.h"
#include "core/source_text.h"
#include "core/table_reader.h"
#include "core/yaml_document.h"

namespace exemplar {

namespace {
// A file that does not parse still counts when it is named after the id or
// has a line `form: <id>`, so that its problems are reported rather than the
// form silently taken from elsewhere.
bool looks_like_form(const std::filesystem::path& path, const std::string& form_id) {
    if (path.stem() == form_id) return true;
    std::string text;
    try {
        text = SourceText::read_file(path, YamlLimits{}.max_bytes).text();
    } catch (const Error&) {
        return false;
    }
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (line.starts_with("form:")) {
            std::string_view value = trim_cell(line.substr(5));
            if (const auto hash = value.find(" #"); hash != std::string_view::npos) value = trim_cell(value.substr(0, hash));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                value = value.substr(1, value.size() - 2);
            return value == form_id;
        }
        start = end + 1;
    }
    return false;
}

// The id's text, or an escape that could spell it, must be somewhere in the
// file: most files are told apart without parsing them (YAML parsing is slow).
bool may_declare(const std::filesystem::path& path, const std::string& form_id) {
    if (path.stem() == form_id) return true;
    try {
        const std::string text = SourceText::read_file(path, YamlLimits{}.max_bytes).text();
        return text.find(form_id) != std::string::npos || text.find('\\') != std::string::npos;
    } catch (const Error&) {
        return true;  // unreadable: the full check says what it is
    }
}

bool declares_form(const std::filesystem::path& path, const std::string& form_id) {
    if (!may_declare(path, form_id)) return false;
    std::vector<Diagnostic> problems;
    const auto document = YamlDocument::read_file(path, problems);
    if (!document) return looks_like_form(path, form_id);
    if (!document->root().IsMap()) return false;
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
