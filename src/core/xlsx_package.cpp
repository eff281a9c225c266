#include "core/xlsx_package.h"

#include <map>

#include "core/translate.h"
#include "core/xlsx_xml.h"

namespace exemplar {

namespace {

struct Relationship {
    std::string type;  // the last segment of the type URI: "worksheet", "officeDocument", …
    std::string target;
    bool external = false;
};

std::string_view last_segment(std::string_view uri) {
    const auto slash = uri.rfind('/');
    return slash == std::string_view::npos ? uri : uri.substr(slash + 1);
}

class RelationshipsHandler final : public XmlHandler {
public:
    std::map<std::string, Relationship, std::less<>> by_id;
    std::vector<std::string> order;

    void start(std::string_view name, const Attributes& attributes) override {
        if (name != "Relationship") return;
        const char* id = attributes.find("Id");
        const char* type = attributes.find("Type");
        const char* target = attributes.find("Target");
        const char* mode = attributes.find("TargetMode");
        if (id == nullptr || type == nullptr || target == nullptr) return;
        Relationship relationship{std::string(last_segment(type)), target, mode != nullptr && std::string_view(mode) == "External"};
        if (by_id.emplace(id, relationship).second) order.emplace_back(id);
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

class ContentTypesHandler final : public XmlHandler {
public:
    std::optional<std::string> workbook;  // part name, absolute ("/xl/workbook.xml")

    void start(std::string_view name, const Attributes& attributes) override {
        if (name != "Override" || workbook) return;
        const char* part = attributes.find("PartName");
        const char* type = attributes.find("ContentType");
        if (part == nullptr || type == nullptr) return;
        const std::string_view content(type);
        if ((content.find("spreadsheetml") != std::string_view::npos || content.find("ms-excel") != std::string_view::npos) &&
            content.ends_with(".main+xml"))
            workbook = part;
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

class WorkbookHandler final : public XmlHandler {
public:
    struct Sheet {
        std::string name;
        std::string relationship;
        bool hidden = false;
    };
    std::vector<Sheet> sheets;
    explicit WorkbookHandler(std::string part) : part_(std::move(part)) {}

    void start(std::string_view name, const Attributes& attributes) override {
        if (depth_++ == 0 && name != "workbook")
            throw ArchiveProblem(tr({"“{0}”不是 Excel 工作簿（可能是 Word 或 PowerPoint 文件）",
                                     "'{0}' is not an Excel workbook (perhaps a Word or PowerPoint file)"},
                                    part_));
        if (name == "sheets") in_sheets_ = true;
        if (name != "sheet" || !in_sheets_) return;
        const char* sheet_name = attributes.find("name");
        const char* id = attributes.find("id");  // r:id
        const char* state = attributes.find("state");
        const std::string_view visibility = state != nullptr ? state : "visible";
        sheets.push_back(Sheet{sheet_name != nullptr ? sheet_name : "", id != nullptr ? id : "",
                               visibility == "hidden" || visibility == "veryHidden"});
    }
    void end(std::string_view name) override {
        --depth_;
        if (name == "sheets") in_sheets_ = false;
    }
    void text(std::string_view) override {}

private:
    std::string part_;
    int depth_ = 0;
    bool in_sheets_ = false;
};

void parse(const ZipArchive& zip, const std::string& part, XmlHandler& handler) {
    XmlStream xml(open_part(zip, part), handler);
    xml.parse_all();
}

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels".
std::string relationships_part(std::string_view part) {
    const auto slash = part.rfind('/');
    const std::string_view folder = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
    const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return std::string(folder) + "_rels/" + std::string(file) + ".rels";
}

std::string resolve_or_refuse(std::string_view source, const Relationship& relationship) {
    const auto resolved = relationship.external ? std::nullopt : resolve_target(source, relationship.target);
    if (!resolved)
        throw ArchiveProblem(tr({"工作簿引用了“{0}”，这个路径在压缩包之外或无效，拒绝读取",
                                 "the workbook refers to '{0}', a path outside the archive or not valid: refused"},
                                relationship.target));
    return *resolved;
}

std::string find_workbook(const ZipArchive& zip) {
    if (zip.find("_rels/.rels")) {
        RelationshipsHandler root;
        parse(zip, "_rels/.rels", root);
        for (const std::string& id : root.order) {
            const Relationship& relationship = root.by_id.at(id);
            if (relationship.type == "officeDocument") return resolve_or_refuse("", relationship);
        }
    }
    if (zip.find("[Content_Types].xml")) {
        ContentTypesHandler types;
        parse(zip, "[Content_Types].xml", types);
        if (types.workbook) return resolve_or_refuse("", Relationship{"officeDocument", *types.workbook, false});
    }
    if (zip.find("xl/workbook.xml")) return "xl/workbook.xml";
    throw ArchiveProblem(tr({"这不是 Excel 工作簿（压缩包里没有工作簿部件）", "not an Excel workbook (the archive has no workbook part)"}));
}

}  // namespace

std::optional<std::string> resolve_target(std::string_view source_part, std::string_view target) {
    if (target.empty() || target.find('\\') != std::string_view::npos || target.find('\0') != std::string_view::npos)
        return std::nullopt;
    std::string path;
    if (target.front() == '/') {
        path = std::string(target.substr(1));
    } else {
        const auto slash = source_part.rfind('/');
        if (slash != std::string_view::npos) path = std::string(source_part.substr(0, slash + 1));
        path += target;
    }
    std::vector<std::string_view> segments;
    std::string_view rest(path);
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (segments.empty()) return std::nullopt;  // above the archive's root
            segments.pop_back();
            continue;
        }
        segments.push_back(segment);
    }
    if (segments.empty()) return std::nullopt;
    std::string resolved;
    for (const std::string_view segment : segments) {
        if (!resolved.empty()) resolved += '/';
        resolved += segment;
    }
    return resolved;
}

ZipEntry open_part(const ZipArchive& zip, const std::string& part) {
    const auto index = zip.find(part);
    if (!index)
        throw ArchiveProblem(tr({"工作簿不完整：缺少“{0}”", "the workbook is incomplete: it has no part '{0}'"}, part));
    return zip.open_entry(*index);
}

WorkbookParts read_workbook_parts(const ZipArchive& zip) {
    WorkbookParts parts;
    parts.workbook = find_workbook(zip);
    WorkbookHandler workbook(parts.workbook);
    parse(zip, parts.workbook, workbook);

    RelationshipsHandler relationships;
    const std::string relationships_name = relationships_part(parts.workbook);
    if (zip.find(relationships_name)) parse(zip, relationships_name, relationships);
    for (const std::string& id : relationships.order) {
        const Relationship& relationship = relationships.by_id.at(id);
        if (relationship.type == "sharedStrings" && !parts.shared_strings)
            parts.shared_strings = resolve_or_refuse(parts.workbook, relationship);
        else if (relationship.type == "styles" && !parts.styles)
            parts.styles = resolve_or_refuse(parts.workbook, relationship);
    }
    for (const WorkbookHandler::Sheet& sheet : workbook.sheets) {
        const auto found = relationships.by_id.find(sheet.relationship);
        if (found == relationships.by_id.end())
            throw ArchiveProblem(tr({"工作簿不完整：工作表“{0}”没有对应的部件（关系“{1}”不存在）",
                                     "the workbook is incomplete: the sheet '{0}' has no part (no relationship '{1}')"},
                                    sheet.name, sheet.relationship));
        if (found->second.type != "worksheet") continue;  // chart sheets, dialog sheets, macro sheets
        parts.sheets.push_back(WorkbookSheet{sheet.name, resolve_or_refuse(parts.workbook, found->second), sheet.hidden});
    }
    return parts;
}

}  // namespace exemplar
