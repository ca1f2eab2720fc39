// The client lookup Learning Locker's statement service asks for each
// request (its AUTH_REPO=fetch mode sends the request's Authorization
// header to LL_CLIENT_INFO_ENDPOINT). In a full Learning Locker its main
// app answers; here this stand-in accepts exactly the Basic-auth key and
// secret in LRS_USER and LRS_PASSWORD and answers 404 (no such client,
// which the service turns into 401) for anything else.
'use strict';
const http = require('http');
const want = 'Basic ' + Buffer.from(process.env.LRS_USER + ':' + process.env.LRS_PASSWORD).toString('base64');
const client = {
  _id: '5f0000000000000000000001', title: 'Zelfscan GGG', isTrusted: true,
  authority: { objectType: 'Agent', name: 'Zelfscan GGG', mbox: 'mailto:zelfscan@example.org' },
  lrs_id: '5f0000000000000000000002', organisation: '5f0000000000000000000003', scopes: ['all'],
};
http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  if (req.headers.authorization !== want) {
    res.statusCode = 404;
    res.end('{}');
    return;
  }
  res.end(JSON.stringify(client));
}).listen(Number(process.env.AUTH_PORT), '127.0.0.1');
