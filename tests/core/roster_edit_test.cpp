// Editing the roster one person at a time: the import's checks, one
// transaction each.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.h"
#include "core/roster.h"
#include "core/roster_edit.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/table_reader.h"
#include "core/translate.h"
#include "support/office.h"

namespace exemplar {
namespace {

class RosterEdit : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::english);
        testing::import_office_roster(db);
    }
    Person find(const std::string& code) {
        for (const Person& p : load_people(db))
            if (p.code == code) return p;
        return {};
    }
    Database db = Database::in_memory();
};

TEST_F(RosterEdit, AddsAPersonAndTheirNewDepartment) {
    Person p;
    p.code = " A10 ";
    p.name = "钱八";
    p.department = "行署办公室/ 信息科 ";
    p.position = "科员";
    const Person added = add_person(db, p);
    EXPECT_NE(added.id, 0);
    const Person stored = find("A10");
    EXPECT_EQ(stored.id, added.id);
    EXPECT_EQ(stored.department, "行署办公室/信息科");
    EXPECT_TRUE(stored.active);
    const auto departments = load_departments(db);
    EXPECT_NE(std::find(departments.begin(), departments.end(), "行署办公室/信息科"), departments.end());
}

TEST_F(RosterEdit, RefusesWhatTheImportRefuses) {
    Person p;
    p.code = "A03";  // taken by 张一
    p.department = "行署办公室/秘书科";
    p.is_head = true;  // 李科长 already heads it
    try {
        add_person(db, p);
        FAIL() << "accepted";
    } catch (const Refused& refused) {
        const std::string why = refused.what();
        EXPECT_NE(why.find("A03"), std::string::npos) << why;
        EXPECT_NE(why.find("name is empty"), std::string::npos) << why;
        EXPECT_NE(why.find("already has an active head"), std::string::npos) << why;
    }
    p.code = "bad/id";
    p.name = "某";
    p.is_head = false;
    EXPECT_THROW(add_person(db, p), Refused);
    EXPECT_EQ(load_people(db).size(), 9u);
}

TEST_F(RosterEdit, UpdatesAndDeactivates) {
    Person zhang = find("A03");
    zhang.position = "副科长";
    zhang.department = "行署办公室/综合科";
    zhang.is_head = true;  // 综合科 has no head
    update_person(db, zhang);
    EXPECT_EQ(find("A03"), zhang);

    Person li = find("A02");
    li.department = "行署办公室/综合科";  // would make two heads there
    EXPECT_THROW(update_person(db, li), Refused);
    EXPECT_EQ(find("A02").department, "行署办公室/秘书科");

    deactivate_person(db, zhang.id);
    EXPECT_FALSE(find("A03").active);
    li.department = "行署办公室/综合科";  // the head left: now possible
    update_person(db, li);
    EXPECT_EQ(find("A02").department, "行署办公室/综合科");

    EXPECT_THROW(deactivate_person(db, 9999), Refused);
    Person ghost = zhang;
    ghost.id = 9999;
    ghost.code = "Z99";
    EXPECT_THROW(update_person(db, ghost), Refused);
}

}  // namespace
}  // namespace exemplar
