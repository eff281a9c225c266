// Salted, slow hashes of access codes and passwords (PBKDF2-HMAC-SHA256), so
// the database never holds them in a form that can be read back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exemplar {

struct SaltedHash {
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;
    int iterations = 0;
};

// Passwords people choose get many iterations; random access codes, which
// are long enough not to be guessed, fewer (thousands are issued at once).
inline constexpr int password_iterations = 200000;
inline constexpr int access_code_iterations = 5000;

SaltedHash hash_secret(std::string_view secret, int iterations);
// Compares in constant time.
bool matches_secret(std::string_view secret, const SaltedHash& stored);

// Random bytes from the operating system.
std::vector<std::uint8_t> random_bytes(std::size_t count);

// "iterations:hex:hex" text form, for the settings table.
std::string to_text(const SaltedHash& hash);
SaltedHash salted_hash_from_text(std::string_view text);

}  // namespace exemplar
