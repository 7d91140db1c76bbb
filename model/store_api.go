package model

// This file is the contract of the store used by ui/ and main.go. Every method
// is one transaction. Errors a user may see are *Error with Chinese messages.
//
//   func Open(path string) (*Store, error)             // creates dirs? no: the folder must exist; runs migrations
//   func (s *Store) Close() error
//   func (s *Store) Path() string
//   func (s *Store) Check(ctx) (CheckReport, error)    // PRAGMA integrity_check + counts
//
//   FindCaseByID(ctx, id) (*Case, error)                // ENOTFOUND
//   FindCases(ctx, CaseFilter) ([]*Case, int, error)   // page of cases + total count matching
//   CreateCase(ctx, *Case) error                        // assigns ID, Number, Status=待研判, timeline "登记"
//   UpdateCase(ctx, id, CaseUpdate) (*Case, error)
//   DeleteCase(ctx, id) error
//   TransitionCase(ctx, id, Transition) (*Case, error)  // allowed moves table; EINVALID on illegal move
//   FindCaseEvents(ctx, caseID) ([]*CaseEvent, error)  // oldest first
//
//   FindMeetingByID, FindMeetings(ctx, MeetingFilter) ([]*Meeting, error),
//   CreateMeeting(ctx, *Meeting), UpdateMeeting(ctx, *Meeting) (whole record), DeleteMeeting
//
//   FindDepartments(ctx) ([]*Department, error), CreateDepartment, UpdateDepartment(ctx, *Department), DeleteDepartment
//   FindLeaders(ctx) ([]*Leader, error), CreateLeader, UpdateLeader(ctx, *Leader), DeleteLeader
//
//   GetSetting(ctx, key) (string, error) / SetSetting(ctx, key, value) error // template settings as key/value
