// Streaming the XML parts of an xlsx file through expat, in chunks read from
// the zip entry, safely: any DOCTYPE (so any entity declaration, internal or
// external) stops parsing with a refusal, parameter entities are never read,
// and malformed XML is reported with its line and column. Elements and
// attributes are matched on their local names (`x:row` is `row`), whatever
// the prefix. A handler may suspend parsing (pull reading: one sheet row at
// a time) and may throw; its exception is carried across expat and rethrown
// from next().
//
//   struct Rows : XmlHandler { void start(std::string_view name, const Attributes& a) override {…} };
//   Rows rows;
//   XmlStream xml(zip.open_entry(index), rows);
//   while (xml.next()) use(rows);   // next() returns true when the handler suspended
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "core/zip_archive.h"

namespace exemplar {

// `prefix:name` → `name`.
std::string_view local_name(std::string_view qualified);

// An element's attributes as expat gives them (name, value, name, value, …, null).
class Attributes {
public:
    explicit Attributes(const char** pairs) : pairs_(pairs) {}
    // The value of the attribute with this local name, or nullptr.
    const char* find(std::string_view local) const;

private:
    const char** pairs_;
};

class XmlStream;

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const Attributes& attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view text) = 0;

protected:
    // Stops after the current element event; next() then returns true.
    void suspend();

private:
    friend class XmlStream;
    XmlStream* stream_ = nullptr;
};

class XmlStream {
public:
    // The handler must outlive the stream.
    XmlStream(ZipEntry entry, XmlHandler& handler);
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;
    ~XmlStream();

    // Parses until the handler suspends (true) or the part ends (false).
    // Throws ArchiveProblem for malformed XML, a DOCTYPE, damaged zip data or
    // a limit, and rethrows what the handler threw.
    bool next();
    // The whole part, for handlers that never suspend.
    void parse_all();
    double progress() const { return entry_.progress(); }
    // Where the parser is in the part, 1-based.
    std::uint64_t line() const;
    std::uint64_t column() const;

private:
    friend class XmlHandler;
    struct Callbacks;
    struct Parser;
    void fail(std::exception_ptr error);

    ZipEntry entry_;
    XmlHandler& handler_;
    std::unique_ptr<Parser> parser_;
    std::exception_ptr error_;
    std::uint64_t unparsed_ = 0;  // bytes fed since the last event (bounds expat's buffer)
};

// Decodes the _xHHHH_ escapes Office writes for characters XML cannot hold
// ("a_x000D_b" → "a\rb"; "_x005F_" is a literal "_"). UTF-16 surrogate pairs
// are joined; a lone surrogate stays as written.
std::string decode_office_escapes(std::string text);

}  // namespace exemplar
