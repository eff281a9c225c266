#include "core/secret_hash.h"

#include <sys/random.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar {

namespace {

constexpr std::size_t hash_length = 32;

std::vector<std::uint8_t> derive(std::string_view secret, const std::vector<std::uint8_t>& salt, int iterations) {
    std::vector<std::uint8_t> out(hash_length);
    if (PKCS5_PBKDF2_HMAC(secret.data(), static_cast<int>(secret.size()), salt.data(), static_cast<int>(salt.size()), iterations,
                          EVP_sha256(), static_cast<int>(out.size()), out.data()) != 1)
        throw Error("PBKDF2 failed");
    return out;
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string text;
    for (const std::uint8_t b : bytes) {
        text += digits[b >> 4];
        text += digits[b & 0xF];
    }
    return text;
}

std::vector<std::uint8_t> unhex(std::string_view text) {
    std::vector<std::uint8_t> bytes;
    const auto value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        const int high = value(text[i]);
        const int low = value(text[i + 1]);
        if (high < 0 || low < 0) return {};
        bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
    }
    return bytes;
}

}  // namespace

std::vector<std::uint8_t> random_bytes(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    std::size_t filled = 0;
    while (filled < count) {
        const ssize_t n = getrandom(bytes.data() + filled, count - filled, 0);
        if (n <= 0) throw Error(tr({"无法取得随机数", "cannot get random bytes"}));
        filled += static_cast<std::size_t>(n);
    }
    return bytes;
}

SaltedHash hash_secret(std::string_view secret, int iterations) {
    SaltedHash result;
    result.salt = random_bytes(16);
    result.iterations = iterations;
    result.hash = derive(secret, result.salt, iterations);
    return result;
}

bool matches_secret(std::string_view secret, const SaltedHash& stored) {
    if (stored.hash.size() != hash_length || stored.salt.empty() || stored.iterations < 1) return false;
    const auto candidate = derive(secret, stored.salt, stored.iterations);
    return CRYPTO_memcmp(candidate.data(), stored.hash.data(), hash_length) == 0;
}

std::string to_text(const SaltedHash& hash) { return std::to_string(hash.iterations) + ":" + hex(hash.salt) + ":" + hex(hash.hash); }

SaltedHash salted_hash_from_text(std::string_view text) {
    const std::size_t first = text.find(':');
    const std::size_t second = first == std::string_view::npos ? first : text.find(':', first + 1);
    if (second == std::string_view::npos) return {};
    int iterations = 0;
    for (const char c : text.substr(0, first)) {
        if (c < '0' || c > '9' || iterations > 100000000) return {};
        iterations = iterations * 10 + (c - '0');
    }
    return {unhex(text.substr(first + 1, second - first - 1)), unhex(text.substr(second + 1)), iterations};
}

}  // namespace exemplar
