/* The function every call path in this benchmark reaches: int + int. */
int add(int a, int b) { return a + b; }
