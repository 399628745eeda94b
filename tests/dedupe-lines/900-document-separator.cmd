f=900-document-separator.in; dedupe-lines -b $f; echo '-- -i:'; dedupe-lines -i $f; echo '-- -v:'; dedupe-lines -v $f; echo '-- -a:'; dedupe-lines -a $f; echo '-- -c:'; dedupe-lines -c $f
