// n8n loads the node and the credential through the "n8n" field of package.json;
// this entry point only exists so that `require('n8n-nodes-segment-paragon')` works.
module.exports = {};
