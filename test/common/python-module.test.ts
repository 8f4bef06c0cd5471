import { strict as assert } from 'assert';
import { DEBIAN_PYTHON, missingPythonModule, pythonModuleImportable } from '../../lib/common';

describe('common/python-module', () => {
  it("finds a module of Python's standard library and says nothing is missing", () => {
    assert.equal(pythonModuleImportable('json'), true);
    assert.equal(missingPythonModule('json', 'python3'), null);
  });

  it('names the Debian package and the install script for a module Python cannot import', () => {
    const msg = missingPythonModule('no_such_module_ecg', 'python3-no-such');
    assert.ok(msg);
    assert.match(msg, /no_such_module_ecg is not importable by/);
    assert.ok(msg.includes(DEBIAN_PYTHON));
    assert.match(msg, /apt-get install python3-no-such/);
    assert.match(msg, /scripts\/debian-python\.ts no_such_module_ecg python3-no-such/);
  });
});
