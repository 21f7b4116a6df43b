#pragma once

// The CodeDeploy agent's Install messages (appspec.md §4.2), verbatim: users search for them.
#include <QString>

namespace pw::install {

inline constexpr char kFileExistsMessage[] =
    "The deployment failed because a specified file already exists at this location: %1";
inline constexpr char kBadBehaviorMessage[] =
    "The deployment failed because an invalid option was specified for fileExistsBehavior: %1. "
    "Valid options include OVERWRITE, RETAIN, and DISALLOW.";
inline constexpr char kTwoSourcesMessage[] =
    "The deployment failed because the application specification file specifies two source "
    "files named %1 and %2 for the same destination (%3). Remove one of the source file paths "
    "from the AppSpec file, and then try again.";
inline constexpr char kCopyOntoMkdirMessage[] =
    "The deployment failed because the application specification file calls for installing "
    "the file %1, but a file with that name already exists at the location (%2). Update your "
    "AppSpec file or directory structure, and then try again.";
inline constexpr char kMkdirOntoCopyMessage[] =
    "The deployment failed because the application specification file includes an mkdir "
    "command more than once for the same destination path (%1) from (%2). Update the files "
    "section of the AppSpec file, and then try again.";
inline constexpr char kPermissionTwiceMessage[] =
    "The deployment failed because the permissions setting for (%1) is specified more than "
    "once in the application specification file. Update the files section of the AppSpec "
    "file, and then try again.";
inline constexpr char kFilePatternMessage[] =
    "The deployment failed because the application specification file includes an object "
    "(%1) with an invalid pattern (%2), such as a pattern for a file applied to a directory. "
    "Correct the permissions section of the AppSpec file, and then try again.";
inline constexpr char kFileExceptMessage[] =
    "The deployment failed because the except parameter for a pattern in the permissions "
    "section (%1) for the object named %2 contains an invalid format. Update the AppSpec file, "
    "and then try again.";
inline constexpr char kFileDefaultAclMessage[] =
    "The deployment failed because the -d parameter has been specified to apply an acl "
    "setting to a file. This parameter is supported for directories only. Update the AppSpec "
    "file, and then try again.";
inline constexpr char kSetfaclMessage[] =
    "The deployment failed because of a problem with the acls permission settings in the "
    "application specification file for this object: %1. Failed command: setfacl --set %2 %1. "
    "Exit code: %3";
// What Execute raises when a target appeared between generation and execution (trailing dot
// is the agent's).
inline constexpr char kExecuteExistsMessage[] =
    "The deployment failed because a specified file already exists at this location: %1.";

inline QString msg(const char* text) {
    return QString::fromLatin1(text);
}

}  // namespace pw::install
