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

// Handlers marked queried read a query of their own (DELETE …/rules?rules[0][type]=…); the router leaves it to them.
function queried(run) {
	run.readsQuery = true;
	return run;
}

module.exports = { paged, bodiless, queried };
