package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A push by a region's token holding rows of another region is refused
// with 403 forbidden naming the file, row and column of the first such row,
// how many there are and of which regions, so that a bureau finds them in a
// file of many rows, and how to push them; before, the answer named only the
// region, and then "2 rows of this push are of other regions" of two rows of
// one region. A dry run is refused the same way.
func TestAPushWithRowsOfAnotherRegionNamesTheFirstAndCountsThem(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	for _, c := range []struct {
		name, contentType, body, want string
	}{
		{"mixed_region.csv", "text/csv",
			"region,indicator,year,value,unit\nhouma,gdp,2022,140.1,亿元\nhouma,gdp,2023,150.2,亿元\n子洲县,gdp,2019,50.1,亿元\n",
			`the token may write region "houma" only, not "zizhou" (mixed_region.csv row 4 column A (region)); 1 row of this push is of zizhou; nothing was written: push those rows with a token of their region (or an admin token), or leave them out`},
		{"two_zizhou.csv", "text/csv",
			"region,indicator,year,value,published\nzizhou,gdp,2021,131.2,2024-03-15\nzizhou,gdp,2022,140.5,2024-03-15\n",
			`the token may write region "houma" only, not "zizhou" (two_zizhou.csv row 2 column A (region)); 2 rows of this push are of zizhou; nothing was written`},
		// A wide table's row is one row however many years it holds; the
		// first in the file is named, not the first region met.
		{"wide.csv", "text/csv",
			"indicator,region,2021,2022\ngdp,houma,131.2,140.1\ngdp,guyang,10,11\ngdp,zizhou,50,51\ngdp,guyang,12,13\n",
			`the token may write region "houma" only, not "guyang" (wide.csv row 3 column B (region)); 3 rows of this push are of other regions: guyang, zizhou; nothing was written`},
		{"mixed.json", "application/json",
			"[\n{\"region\":\"houma\",\"indicator\":\"gdp\",\"observations\":[{\"year\":2022,\"value\":140.1}]},\n{\"region\":\"zizhou\",\"indicator\":\"gdp\",\"observations\":[{\"year\":2019,\"value\":50.1}]}\n]\n",
			`not "zizhou" (mixed.json line 3); 1 row of this push is of zizhou`},
	} {
		r := s.do("POST", "/api/v1/observations?dry_run=true&filename="+c.name, c.contentType, houma, []byte(c.body))
		if msg := r.wantError(t, http.StatusForbidden, plancast.EFORBIDDEN); !strings.Contains(msg, c.want) {
			t.Errorf("%s: 403 %q; want it to say %q", c.name, msg, c.want)
		}
	}
}
