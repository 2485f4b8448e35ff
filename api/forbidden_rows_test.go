package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A push by a region's token holding rows of another region is refused
// with 403 forbidden naming the file, row and column of the first such row
// and how many there are, so that a bureau finds them in a file of many
// rows; before, the answer named only the region. A dry run is refused the
// same way.
func TestAPushWithRowsOfAnotherRegionNamesTheFirstAndCountsThem(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	for _, c := range []struct {
		name, contentType, body, want string
	}{
		{"mixed_region.csv", "text/csv",
			"region,indicator,year,value,unit\nhouma,gdp,2022,140.1,亿元\nhouma,gdp,2023,150.2,亿元\n子洲县,gdp,2019,50.1,亿元\n",
			`the token may write region "houma" only, not "zizhou" (mixed_region.csv row 4 column A (region)); 1 row of this push is of another region; nothing was written`},
		// A wide table's row is one row however many years it holds; the
		// first in the file is named, not the first region met.
		{"wide.csv", "text/csv",
			"indicator,region,2021,2022\ngdp,houma,131.2,140.1\ngdp,guyang,10,11\ngdp,zizhou,50,51\ngdp,guyang,12,13\n",
			`the token may write region "houma" only, not "guyang" (wide.csv row 3 column B (region)); 3 rows of this push are of other regions; nothing was written`},
		{"mixed.json", "application/json",
			"[\n{\"region\":\"houma\",\"indicator\":\"gdp\",\"observations\":[{\"year\":2022,\"value\":140.1}]},\n{\"region\":\"zizhou\",\"indicator\":\"gdp\",\"observations\":[{\"year\":2019,\"value\":50.1}]}\n]\n",
			`not "zizhou" (mixed.json line 3); 1 row of this push is of another region`},
	} {
		r := s.do("POST", "/api/v1/observations?dry_run=true&filename="+c.name, c.contentType, houma, []byte(c.body))
		if msg := r.wantError(t, http.StatusForbidden, plancast.EFORBIDDEN); !strings.Contains(msg, c.want) {
			t.Errorf("%s: 403 %q; want it to say %q", c.name, msg, c.want)
		}
	}
}
