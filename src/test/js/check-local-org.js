// Drives a Scopien local org with jsforce, a Salesforce client nobody on this project wrote, and
// prints one JSON object saying what each step saw. JsforceIT starts the org and asserts on it.
//
// Usage: node check-local-org.js <baseUrl> <clientId> <clientSecret> <username> <password>
'use strict';

const jsforce = require('jsforce');

async function main() {
  const [baseUrl, clientId, clientSecret, username, password] = process.argv.slice(2);
  if (!password) {
    throw new Error('usage: node check-local-org.js <baseUrl> <clientId> <clientSecret> <username> <password>');
  }
  const out = { jsforceVersion: jsforce.VERSION };
  const conn = new jsforce.Connection({
    oauth2: { loginUrl: baseUrl, clientId, clientSecret },
    version: '62.0',
  });

  // OAuth 2.0 username-password flow (jsforce's login() with a client id and secret).
  const user = await conn.login(username, password);
  out.login = { userId: user.id, organizationId: user.organizationId, instanceUrl: conn.instanceUrl };

  // Every Lead through nextRecordsUrl, as jsforce's autoFetch follows it.
  const leads = await conn.query('SELECT Id, Name, External_ID__c FROM Lead').run({ autoFetch: true, maxFetch: 100000 });
  out.autoFetch = {
    totalSize: leads.totalSize,
    fetched: leads.records.length,
    distinctIds: new Set(leads.records.map((r) => r.Id)).size,
    done: leads.done,
  };

  // One page by hand, then queryMore on its locator.
  const first = await conn.query('SELECT Id FROM Lead ORDER BY Id');
  const second = await conn.queryMore(first.nextRecordsUrl);
  out.queryMore = {
    firstPage: first.records.length,
    firstDone: first.done,
    secondPage: second.records.length,
    overlap: second.records.filter((r) => first.records.some((f) => f.Id === r.Id)).length,
  };

  // create / retrieve / update / destroy one record, then a collection and an upsert.
  const leadApi = conn.sobject('Lead');
  const created = await leadApi.create({ LastName: 'Jsforce', FirstName: 'Jay', Company: 'Node Inc' });
  await leadApi.update({ Id: created.id, Title: 'Driver' });
  const read = await leadApi.retrieve(created.id);
  const destroyed = await leadApi.destroy(created.id);
  let afterDestroy;
  try {
    await leadApi.retrieve(created.id);
    afterDestroy = 'still there';
  } catch (e) {
    afterDestroy = e.errorCode || e.name;
  }
  out.crud = {
    createdId: created.id,
    createdSuccess: created.success,
    readName: read.Name,
    readTitle: read.Title,
    destroyedSuccess: destroyed.success,
    afterDestroy,
  };
  const many = await conn.sobject('Account').create(
    [{ Name: 'Jsforce One' }, { Name: 'Jsforce Two' }, { Phone: 'no name' }],
    { allOrNone: false },
  );
  out.collection = many.map((r) => ({ success: r.success, codes: (r.errors || []).map((e) => e.statusCode || e.errorCode) }));
  const upserted = await leadApi.upsert({ External_ID__c: 'JSF-0001', LastName: 'Upsert', Company: 'Node Inc' }, 'External_ID__c');
  const upsertedAgain = await leadApi.upsert({ External_ID__c: 'JSF-0001', Title: 'Again' }, 'External_ID__c');
  out.upsert = { created: upserted.created, createdAgain: upsertedAgain.created, sameId: upserted.id === upsertedAgain.id };

  // describe and describeGlobal.
  const lead = await leadApi.describe();
  const global = await conn.describeGlobal();
  out.describe = {
    name: lead.name,
    keyPrefix: lead.keyPrefix,
    externalId: lead.fields.some((f) => f.name === 'External_ID__c' && f.externalId),
    fields: lead.fields.length,
  };
  out.describeGlobal = { objects: global.sobjects.map((s) => s.name) };

  // limits.
  const limits = await conn.limits();
  out.limits = { dailyApiRequests: limits.DailyApiRequests };

  // A Bulk API (1.0) query job, results read as CSV.
  conn.bulk.pollInterval = 200;
  conn.bulk.pollTimeout = 120000;
  const bulkRecords = await new Promise((resolve, reject) => {
    conn.bulk
      .query('SELECT Id, Name FROM Account')
      .then((stream) => {
        const rows = [];
        stream.on('record', (r) => rows.push(r));
        stream.on('error', reject);
        stream.on('end', () => resolve(rows));
      }, reject);
  });
  out.bulk = {
    records: bulkRecords.length,
    distinctIds: new Set(bulkRecords.map((r) => r.Id)).size,
    sample: bulkRecords.find((r) => r.Name === 'Acme Corporation') || null,
  };

  // A Bulk API 2.0 query job.
  conn.bulk2.pollInterval = 200;
  conn.bulk2.pollTimeout = 120000;
  const bulk2 = await conn.bulk2.query('SELECT Id FROM Opportunity');
  const bulk2Records = await bulk2.toArray();
  out.bulk2 = { records: bulk2Records.length };

  // An unknown field fails with INVALID_FIELD.
  try {
    await conn.query('SELECT Id, Nope__c FROM Lead');
    out.unknownField = { errorCode: null };
  } catch (e) {
    out.unknownField = { errorCode: e.errorCode, message: e.message };
  }

  return out;
}

main().then(
  (out) => {
    process.stdout.write(JSON.stringify(out) + '\n');
  },
  (err) => {
    process.stdout.write(JSON.stringify({ failed: { name: err.name, errorCode: err.errorCode, message: err.message, stack: err.stack } }) + '\n');
    process.exitCode = 1;
  },
);
