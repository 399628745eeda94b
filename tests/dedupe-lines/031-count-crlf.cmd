dedupe-lines -ci
