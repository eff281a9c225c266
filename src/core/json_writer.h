// A small streaming JSON writer (RFC 8259), indented for people to read.
//   JsonWriter json;
//   json.begin_object(); json.key("form"); json.value("five-exemplars"); json.end_object();
//   std::string text = json.str();
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace exemplar {

class JsonWriter {
public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view name);
    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(double number);  // shortest text that reads back to the same double
    void value(long long number);
    void value(bool flag);

    const std::string& str() const { return out_; }

private:
    void before_value();
    void write_string(std::string_view text);
    void newline();

    std::string out_;
    struct Level {
        bool is_object;
        bool empty;
    };
    std::vector<Level> stack_;
    bool after_key_ = false;
};

// Shortest decimal text that reads back to the same double ("0.1", "86.912", "5").
std::string shortest_number_text(double number);

}  // namespace exemplar
