declutter --explain learn/page1.txt learn/page2.txt learn/page3.txt | sed 's/rule:builtin:[0-9]*/rule:builtin:N/'
