# The libraries every part of the build links, found once at the top so that their imported
# targets are seen everywhere (subdirectories may find_package them again; that is free).

find_package(SQLite3 REQUIRED)
# Debian's SQLiteCpp package links the target SQLite::SQLite3, the name CMake used before
# SQLite3::SQLite3. Newer CMake still defines it but marks it deprecated, and every configure
# would print that warning, meant for SQLiteCpp's authors. Both names are the same library.
if(TARGET SQLite::SQLite3)
  get_target_property(_libtracker_deprecation SQLite::SQLite3 DEPRECATION)
  if(_libtracker_deprecation)
    set_property(TARGET SQLite::SQLite3 PROPERTY DEPRECATION)
  endif()
endif()
find_package(SQLiteCpp REQUIRED)
find_package(Boost 1.74 CONFIG REQUIRED COMPONENTS date_time)
find_package(nlohmann_json 3 REQUIRED)
