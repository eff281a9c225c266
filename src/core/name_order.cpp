#include "core/name_order.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/error.h"

namespace exemplar {

struct NameOrder::Impl {
    std::unique_ptr<icu::Collator> collator;
};

NameOrder::NameOrder() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale("zh@collation=stroke"), status));
    if (U_FAILURE(status) || !impl_->collator) throw Error("ICU: cannot create the zh@collation=stroke collator");
}

NameOrder::~NameOrder() = default;

int NameOrder::compare(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result = impl_->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    if (U_FAILURE(status)) return a.compare(b);
    return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

std::string NameOrder::sort_key(std::string_view name) const {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
    std::string key(64, '\0');
    for (;;) {
        const std::int32_t needed = impl_->collator->getSortKey(text, reinterpret_cast<std::uint8_t*>(key.data()),
                                                                static_cast<std::int32_t>(key.size()));
        if (needed <= static_cast<std::int32_t>(key.size())) {
            key.resize(needed > 0 ? static_cast<std::size_t>(needed - 1) : 0);  // drop the terminating zero
            return key;
        }
        key.resize(static_cast<std::size_t>(needed));
    }
}

}  // namespace exemplar
