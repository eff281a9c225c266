// Switching the language from the View menu: the pages are rebuilt in the new
// language and the core's messages follow.
#include "gui_fixture.h"

#include <wx/button.h>
#include <wx/menu.h>

#include "core/translate.h"
#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui::testing {
namespace {

using GuiLanguage = GuiTest;

// Sends the View menu's command for the item labelled `label`, as choosing it does.
void choose_menu_item(MainFrame* frame, const wxString& label) {
    wxMenuBar* bar = frame->GetMenuBar();
    ASSERT_NE(bar, nullptr);
    const int id = bar->FindMenuItem(_("&View"), label);
    ASSERT_NE(id, wxNOT_FOUND) << from_wx(label);
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(frame);
    frame->ProcessWindowEvent(event);
}

wxString sign_in_label(MainFrame* frame) {
    auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("sign_in", frame));
    return button ? button->GetLabel() : wxString();
}

TEST_F(GuiLanguage, ViewMenuSwitchesBetweenChineseAndEnglish) {
    ASSERT_EQ(ui_language(), Language::chinese);
    EXPECT_EQ(sign_in_label(frame), wxString::FromUTF8("登录(&S)"));

    choose_menu_item(frame, "English");
    EXPECT_TRUE(wait_for([&] { return sign_in_label(frame) == "&Sign in"; })) << from_wx(sign_in_label(frame));
    EXPECT_EQ(ui_language(), Language::english);
    EXPECT_EQ(current_language(), Language::english);
    EXPECT_EQ(tr({"中文", "English"}), "English");
    EXPECT_EQ(frame->page(), Page::sign_in);

    choose_menu_item(frame, wxString::FromUTF8("中文"));
    EXPECT_TRUE(wait_for([&] { return sign_in_label(frame) == wxString::FromUTF8("登录(&S)"); }))
        << from_wx(sign_in_label(frame));
    EXPECT_EQ(ui_language(), Language::chinese);
    EXPECT_EQ(current_language(), Language::chinese);
    EXPECT_EQ(tr({"中文", "English"}), "中文");
}

}  // namespace
}  // namespace exemplar::gui::testing
