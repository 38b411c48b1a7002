'use strict';
// Marks on a route's handler that the router reads before calling it.

// Handlers marked paged read the query themselves (pagination.*); the others take none.
function paged(run) {
	run.paged = true;
	return run;
}

// Handlers marked bodiless take no body (Segment's SDK sends none, and no Content-Type).
function bodiless(run) {
	run.bodiless = true;
	return run;
}

module.exports = { paged, bodiless };
