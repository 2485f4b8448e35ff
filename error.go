package plancast

import (
	"errors"
	"fmt"
)

// Error codes. They are the only codes the HTTP layer maps to statuses and the
// only codes that appear in {"error": {"code": ...}} answers.
const (
	EINVALID      = "invalid"      // the caller sent something malformed or impossible
	ENOTFOUND     = "not_found"    // the thing asked for does not exist
	EUNAUTHORIZED = "unauthorized" // no credentials, or credentials not recognised
	EFORBIDDEN    = "forbidden"    // credentials recognised but not for this resource
	ECONFLICT     = "conflict"     // the request contradicts stored state or itself
	EUNAVAILABLE  = "unavailable"  // a dependency (store, lock) cannot serve now
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is an application error: a code from the list above and a message
// meant for the user. Wrap it with fmt.Errorf("...: %w", err) freely; ErrorCode
// and ErrorMessage find it through the chain.
type Error struct {
	Code    string
	Message string
}

// Error returns the message alone, so that wrapped chains read as sentences
// ("ingest houma.csv: row 3: region \"x\" is unknown"); use ErrorCode for the code.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for a nil
// error and EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, "" for a
// nil error and "internal error" for any other error, so that internal details
// never reach a user.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
