package api

import (
	"strings"
	"unicode/utf8"

	"github.com/plancast/plancast"
)

// nearestName is the one of names that typed most likely meant: the nearest
// by plancast.Nearest (a typo: "unit" for "units", "asof" for "as_of"), or
// else the one name typed abbreviates (same first letter, the rest of its
// letters in order: "lvl" for "level", "fmt" for "format"), which Nearest
// finds too far; "" when neither finds one.
func nearestName(typed string, names []string) string {
	if near := plancast.Nearest(typed, names); near != "" {
		return near
	}
	if utf8.RuneCountInString(typed) < 2 {
		return ""
	}
	found := ""
	for _, name := range names {
		if abbreviates(typed, name) {
			if found != "" {
				return "" // two names fit: neither is the one meant
			}
			found = name
		}
	}
	return found
}

// abbreviates reports whether a, shorter than b, starts as b does and has
// its letters in b in the same order.
func abbreviates(a, b string) bool {
	if len(a) >= len(b) {
		return false
	}
	first, n := utf8.DecodeRuneInString(a)
	if !strings.HasPrefix(b, string(first)) {
		return false
	}
	rest := b[len(string(first)):]
	for _, r := range a[n:] {
		i := strings.IndexRune(rest, r)
		if i < 0 {
			return false
		}
		rest = rest[i+utf8.RuneLen(r):]
	}
	return true
}
