package main

import (
	"strings"
	"testing"
)

// token create --help says what each scope may do as the server decides
// it: a region token may also declare new indicators (and not regions); it
// said only an admin token declares catalog entries.
func TestTokenCreateHelpSaysWhoMayDeclareCatalogEntries(t *testing.T) {
	_, _, stderr := run(t, "token", "create", "--help")
	help := strings.Join(strings.Fields(stderr), " ")
	for _, says := range []string{
		"A region token may push figures and targets of that region (Authorization: Bearer <token>) and declare new indicators (not regions, nor changes to existing entries)",
		"an admin token may push for every region, declare and change any catalog entry and manage tokens",
	} {
		if !strings.Contains(help, says) {
			t.Errorf("token create --help does not say %q:\n%s", says, stderr)
		}
	}
}
