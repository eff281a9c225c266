#include "core/xlsx_xml.h"

#include <expat.h>

#include <optional>

#include "core/translate.h"

namespace exemplar {

namespace {

constexpr int chunk_bytes = 1 << 16;
// Expat keeps an unfinished token (a tag with all its attributes) in memory:
// a part that feeds this much without one event is refused.
constexpr std::uint64_t max_unparsed_bytes = 32ull << 20;

std::optional<unsigned> hex4(std::string_view text) {
    if (text.size() < 4) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const char c = text[i];
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= static_cast<unsigned>(c - '0');
        else if (c >= 'A' && c <= 'F')
            value |= static_cast<unsigned>(c - 'A' + 10);
        else if (c >= 'a' && c <= 'f')
            value |= static_cast<unsigned>(c - 'a' + 10);
        else
            return std::nullopt;
    }
    return value;
}

// The code unit of an _xHHHH_ escape starting at `at`, if there is one.
std::optional<unsigned> escape_at(std::string_view text, std::size_t at) {
    if (text.size() < at + 7 || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return std::nullopt;
    return hex4(text.substr(at + 2, 4));
}

void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

}  // namespace

std::string_view local_name(std::string_view qualified) {
    const auto colon = qualified.rfind(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

const char* Attributes::find(std::string_view local) const {
    if (pairs_ == nullptr) return nullptr;
    for (const char** p = pairs_; p[0] != nullptr && p[1] != nullptr; p += 2)
        if (local_name(p[0]) == local) return p[1];
    return nullptr;
}

struct XmlStream::Parser {
    XML_Parser parser = nullptr;
    ~Parser() {
        if (parser != nullptr) XML_ParserFree(parser);
    }
};

struct XmlStream::Callbacks {
    static XmlStream& stream(void* data) { return *static_cast<XmlStream*>(data); }

    static void XMLCALL start(void* data, const XML_Char* name, const XML_Char** attributes) {
        XmlStream& s = stream(data);
        if (s.error_) return;
        s.unparsed_ = 0;
        try {
            s.handler_.start(local_name(name), Attributes(attributes));
        } catch (...) {
            s.fail(std::current_exception());
        }
    }
    static void XMLCALL end(void* data, const XML_Char* name) {
        XmlStream& s = stream(data);
        if (s.error_) return;
        s.unparsed_ = 0;
        try {
            s.handler_.end(local_name(name));
        } catch (...) {
            s.fail(std::current_exception());
        }
    }
    static void XMLCALL text(void* data, const XML_Char* text, int length) {
        XmlStream& s = stream(data);
        if (s.error_ || length <= 0) return;
        s.unparsed_ = 0;
        try {
            s.handler_.text(std::string_view(text, static_cast<std::size_t>(length)));
        } catch (...) {
            s.fail(std::current_exception());
        }
    }
    static void refuse_declarations(XmlStream& s) {
        if (s.error_) return;
        s.fail(std::make_exception_ptr(ArchiveProblem(
            tr({"“{0}”含有 DOCTYPE 或实体声明，出于安全考虑拒绝读取（Excel 和 WPS 不会写这些内容）",
                "'{0}' has a DOCTYPE or entity declarations: refused for safety (Excel and WPS never write them)"},
               s.entry_.name()))));
    }
    static void XMLCALL doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        refuse_declarations(stream(data));
    }
    static void XMLCALL entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                               const XML_Char*, const XML_Char*) {
        refuse_declarations(stream(data));
    }
    static int XMLCALL external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
        return XML_STATUS_ERROR;  // never load anything from outside the part
    }
};

void XmlHandler::suspend() {
    if (stream_ != nullptr && stream_->parser_) XML_StopParser(stream_->parser_->parser, XML_TRUE);
}

XmlStream::XmlStream(ZipEntry entry, XmlHandler& handler)
    : entry_(std::move(entry)), handler_(handler), parser_(std::make_unique<Parser>()) {
    parser_->parser = XML_ParserCreate(nullptr);
    if (parser_->parser == nullptr) throw ArchiveProblem(tr({"内存不足", "out of memory"}));
    XML_Parser p = parser_->parser;
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &Callbacks::start, &Callbacks::end);
    XML_SetCharacterDataHandler(p, &Callbacks::text);
    XML_SetStartDoctypeDeclHandler(p, &Callbacks::doctype);
    XML_SetEntityDeclHandler(p, &Callbacks::entity);
    XML_SetExternalEntityRefHandler(p, &Callbacks::external_entity);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    handler_.stream_ = this;
}

XmlStream::~XmlStream() {
    if (handler_.stream_ == this) handler_.stream_ = nullptr;
}

void XmlStream::fail(std::exception_ptr error) {
    error_ = std::move(error);
    XML_StopParser(parser_->parser, XML_FALSE);
}

std::uint64_t XmlStream::line() const { return XML_GetCurrentLineNumber(parser_->parser); }
std::uint64_t XmlStream::column() const { return XML_GetCurrentColumnNumber(parser_->parser) + 1; }

bool XmlStream::next() {
    XML_Parser p = parser_->parser;
    for (;;) {
        if (error_) std::rethrow_exception(error_);
        XML_ParsingStatus status;
        XML_GetParsingStatus(p, &status);
        if (status.parsing == XML_FINISHED) return false;
        XML_Status result;
        if (status.parsing == XML_SUSPENDED) {
            result = XML_ResumeParser(p);
        } else {
            void* buffer = XML_GetBuffer(p, chunk_bytes);
            if (buffer == nullptr) throw ArchiveProblem(tr({"读取“{0}”时内存不足", "out of memory while reading '{0}'"}, entry_.name()));
            const std::size_t n = entry_.read(static_cast<char*>(buffer), chunk_bytes);
            unparsed_ += n;
            if (unparsed_ > max_unparsed_bytes)
                throw ArchiveProblem(tr({"“{0}”中有一个超过 {1} 的 XML 标记，拒绝读取", "'{0}' has an XML tag longer than {1}: refused"},
                                        entry_.name(), size_text(max_unparsed_bytes)));
            result = XML_ParseBuffer(p, static_cast<int>(n), n == 0 ? XML_TRUE : XML_FALSE);
        }
        if (error_) std::rethrow_exception(error_);
        if (result == XML_STATUS_ERROR) {
            const XML_Error code = XML_GetErrorCode(p);
            const XML_LChar* what = XML_ErrorString(code);
            error_ = std::make_exception_ptr(ArchiveProblem(
                tr({"“{0}”的 XML 格式错误（第 {1} 行第 {2} 列：{3}），文件已损坏",
                    "'{0}' is not well-formed XML (line {1}, column {2}: {3}): the file is damaged"},
                   entry_.name(), line(), column(), what != nullptr ? what : "?")));
            std::rethrow_exception(error_);
        }
        if (result == XML_STATUS_SUSPENDED) return true;
    }
}

void XmlStream::parse_all() {
    while (next()) {
    }
}

std::string decode_office_escapes(std::string text) {
    std::size_t at = text.find("_x");
    if (at == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    out.append(text, 0, at);
    const std::string_view view(text);
    while (at < view.size()) {
        if (const auto unit = escape_at(view, at)) {
            unsigned code = *unit;
            std::size_t length = 7;
            const bool high = code >= 0xD800 && code <= 0xDBFF;
            const bool low = code >= 0xDC00 && code <= 0xDFFF;
            if (high) {
                const auto next = escape_at(view, at + 7);
                if (next && *next >= 0xDC00 && *next <= 0xDFFF) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (*next - 0xDC00);
                    length = 14;
                }
            }
            if ((high && length == 7) || low) {
                out.append(view.substr(at, 7));  // a lone surrogate: not a character
            } else {
                append_utf8(out, code);
            }
            at += length;
            continue;
        }
        const std::size_t next = view.find("_x", at + 1);
        const std::size_t end = next == std::string_view::npos ? view.size() : next;
        out.append(view.substr(at, end - at));
        at = end;
    }
    return out;
}

}  // namespace exemplar
