extract-amounts -H -n data/doc-cn.txt data/doc-jp.txt
