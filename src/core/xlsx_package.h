// The structure of an xlsx package (Open Packaging Conventions): which part
// is the workbook (_rels/.rels, else [Content_Types].xml, else
// xl/workbook.xml), its worksheets in workbook order with their names and
// parts, and its shared strings and styles parts, all found through
// relationships. Targets may be relative (worksheets/sheet1.xml) or
// absolute (/xl/worksheets/sheet1.xml); a target that leaves the archive
// ("../../x", a backslash) is refused.
//
//   WorkbookParts parts = read_workbook_parts(zip);
//   for (const WorkbookSheet& sheet : parts.sheets) use(sheet.name, sheet.part);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/zip_archive.h"

namespace exemplar {

struct WorkbookSheet {
    std::string name;
    std::string part;  // e.g. "xl/worksheets/sheet1.xml"
    bool hidden = false;
};

struct WorkbookParts {
    std::string workbook;                       // e.g. "xl/workbook.xml"
    std::vector<WorkbookSheet> sheets;          // worksheets only, in workbook order
    std::optional<std::string> shared_strings;  // from the workbook's relationships
    std::optional<std::string> styles;
};

// Throws ArchiveProblem when there is no workbook part, a part is not
// well-formed XML or has a DOCTYPE, or a target leaves the archive.
WorkbookParts read_workbook_parts(const ZipArchive& zip);

// The part a relationship target names, seen from `source_part` ("" for the
// package root); nullopt when the target leaves the archive or holds a
// backslash. ("xl/workbook.xml", "worksheets/a.xml") → "xl/worksheets/a.xml".
std::optional<std::string> resolve_target(std::string_view source_part, std::string_view target);

// Opens a part for reading; throws ArchiveProblem when the archive lacks it.
ZipEntry open_part(const ZipArchive& zip, const std::string& part);

}  // namespace exemplar
