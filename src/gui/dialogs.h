// The app's dialogs, each a free function (their classes are private to
// dialogs.cpp). Text fields carry window names so tests can fill them:
// "password" and "password_again".
#pragma once

#include <optional>
#include <string>

class wxWindow;

namespace exemplar {
class Database;
}

namespace exemplar::gui {

// First start: asks for a new HR administrator password twice until it is
// acceptable (admin_password_problem) and both match, then stores it.
// False when cancelled.
bool ShowSetAdminPasswordDialog(wxWindow* parent, Database& db);

// Asks for the HR administrator password until it is right. False when cancelled.
bool ShowAdminSignInDialog(wxWindow* parent, const Database& db);

}  // namespace exemplar::gui
